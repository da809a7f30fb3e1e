package nl.plein.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import nl.plein.clusters.TitleWords.WordCount;
import org.junit.jupiter.api.Test;

class TitleWordsTest {

    @Test
    void dutchAndEnglishTitlesTogetherGiveTheirMostFrequentWords() {
        var top = TitleWords.top(List.of(
                "Meer bomen in de Dorpsstraat",
                "Plant more trees along the canal",
                "Bomen langs het kanaal",
                "Trees and benches for the park",
                "Een bankje onder de bomen",
                "Shade trees near the school"), 10);
        assertEquals(List.of(
                new WordCount("bomen", 3),
                new WordCount("trees", 3),
                new WordCount("bankje", 1),
                new WordCount("benches", 1),
                new WordCount("canal", 1),
                new WordCount("dorpsstraat", 1),
                new WordCount("kanaal", 1),
                new WordCount("park", 1),
                new WordCount("plant", 1),
                new WordCount("school", 1)), top);
    }

    @Test
    void lettersWithDiacriticsStayInTheirWords() {
        String decomposed = "Cafe\u0301 aan het water"; // e + combining acute accent
        assertEquals(List.of("café", "water"), TitleWords.words(decomposed));
        assertEquals(List.of("ruïne", "geïnteresseerd", "bewoners"), TitleWords.words("Ruïne: geïnteresseerd, bewoners?"));
        assertEquals(List.of("straße", "über", "brücke"), TitleWords.words("Straße über die Brücke"));
        assertEquals(List.of("zeeën", "ideeënbus"), TitleWords.words("Zeeën en een ideeënbus"));

        var top = TitleWords.top(List.of("Café op het plein", decomposed, "Cafe zonder accent"), 5);
        assertEquals(new WordCount("café", 2), top.get(0), "precomposed and decomposed é are one word");
        assertTrue(top.contains(new WordCount("cafe", 1)), "without the accent it is another word: " + top);
    }

    @Test
    void stopWordsShortWordsAndNumbersAreDropped() {
        assertEquals(List.of("bomen", "dorpsstraat"),
                TitleWords.words("Graag meer bomen in de Dorpsstraat 12 voor 2025, ok?"));
        assertEquals(List.of("bike", "lanes", "30km", "zone"),
                TitleWords.words("Proposal: please more bike lanes and a 30km zone by 2030"));
        assertEquals(List.of(), TitleWords.words("Idee: wij willen dat het er is"));
        assertEquals(List.of(), TitleWords.words("An idea that we would like to have"));
        assertEquals(List.of(), TitleWords.words("١٢٣ 4567 ۸۹۰"), "digits of any script make pure numbers");
    }

    @Test
    void wordsWithEqualCountsAreOrderedAlphabeticallyTheDutchWay() {
        var top = TitleWords.top(List.of(
                "zebrapad", "éénrichtingsverkeer", "eenden", "bankjes", "Zwembad", "ezels",
                "zwembad terug", "bankjes"), 10);
        assertEquals(List.of(
                new WordCount("bankjes", 2),
                new WordCount("zwembad", 2),
                new WordCount("eenden", 1),
                new WordCount("éénrichtingsverkeer", 1),
                new WordCount("ezels", 1),
                new WordCount("terug", 1),
                new WordCount("zebrapad", 1)), top,
                "with plain String order é would sort after z");
    }

    @Test
    void aWordRepeatedInOneTitleCountsOnce() {
        var top = TitleWords.top(List.of("Bomen, bomen en nog eens BOMEN", "Bomen", "Parkeren parkeren parkeren"), 5);
        assertEquals(List.of(new WordCount("bomen", 2), new WordCount("parkeren", 1)), top);
    }

    @Test
    void atMostLimitWordsAreReturned() {
        var titles = List.of("speeltuin bankjes bomen", "speeltuin bankjes", "speeltuin fontein");
        assertEquals(List.of(new WordCount("speeltuin", 3), new WordCount("bankjes", 2)), TitleWords.top(titles, 2));
        assertEquals(List.of(), TitleWords.top(titles, 0));
        assertEquals(4, TitleWords.top(titles, 100).size());
        var refused = assertThrows(IllegalArgumentException.class, () -> TitleWords.top(titles, -1));
        assertEquals("limit must be ≥ 0, was -1", refused.getMessage());
    }

    @Test
    void nullAndBlankTitlesAreIgnored() {
        var titles = Arrays.asList(null, "", "   ", "\t\n", "Speeltuin", null);
        assertEquals(List.of(new WordCount("speeltuin", 1)), TitleWords.top(titles, 5));
        assertEquals(List.of(), TitleWords.top(List.of(), 5));
        assertEquals(List.of(), TitleWords.words(null));
        var refused = assertThrows(IllegalArgumentException.class, () -> TitleWords.top(null, 5));
        assertEquals("titles must not be null", refused.getMessage());
    }

    @Test
    void aFinalApostropheSIsDroppedAndOtherApostrophesSeparateOrStay() {
        assertEquals(List.of("auto"), TitleWords.words("Meer auto’s!"));
        assertEquals(List.of("foto", "buurt"), TitleWords.words("Foto's van de buurt"));
        assertEquals(List.of("mooi", "park"), TitleWords.words("Zo'n mooi park"), "zo'n is a stop word");
        assertEquals(List.of("avonds", "licht"), TitleWords.words("'s Avonds licht"));
        assertEquals(List.of("plant", "trees"), TitleWords.words("Let’s plant trees"));
        assertEquals(List.of("o'neill", "square"), TitleWords.words("O'Neill Square"));
        assertEquals(List.of("sint", "jansplein"), TitleWords.words("Sint-Jansplein"));
        assertEquals(List.of(new WordCount("auto", 2)),
                TitleWords.top(List.of("Auto's weg", "Autovrij? Nee: auto weg!"), 1),
                "auto's and auto count as one word");
    }

    @Test
    void theStopWordListsAreLowerCaseWordsWrittenForPleinWithThePlatformFillers() throws IOException {
        var all = new HashSet<String>();
        for (var name : List.of("stopwords-nl.txt", "stopwords-en.txt")) {
            var lines = lines(name);
            assertTrue(lines.get(0).startsWith("# ") && lines.get(0).contains("written for Plein"), name);
            for (var line : lines) {
                if (line.startsWith("#")) {
                    continue;
                }
                assertFalse(line.isBlank(), name + " has a blank line");
                assertEquals(Normalizer.normalize(line.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC), line,
                        name + ": one lower-case NFC word a line");
                assertTrue(line.codePoints().allMatch(c -> Character.isLetter(c) || c == '\''), name + ": " + line);
                assertTrue(line.length() >= 3, name + ": " + line + " would be dropped as too short anyway");
                all.add(line);
            }
        }
        for (var filler : List.of("voorstel", "idee", "graag", "meer", "proposal", "idea", "please", "more")) {
            assertTrue(all.contains(filler), filler);
            assertEquals(List.of(), TitleWords.words(filler));
        }
    }

    private static List<String> lines(String name) throws IOException {
        var stream = TitleWords.class.getResourceAsStream(name);
        assertNotNull(stream, name);
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return new ArrayList<>(reader.lines().toList());
        }
    }
}
