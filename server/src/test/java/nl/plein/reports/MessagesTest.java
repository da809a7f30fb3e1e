package nl.plein.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.plein.projects.Language;
import org.junit.jupiter.api.Test;

/**
 * The printed reports' words agree with their counts for 0, 1 and 2 in Dutch and English, chosen
 * with the same plural syntax as the map client's messages.
 */
class MessagesTest {
    private static final Messages EN = Messages.of(Language.EN);
    private static final Messages NL = Messages.of(Language.NL);

    @Test
    void pluralChoicesTakeTheFormOfTheirCount() {
        String message = "{n, plural, =0 {no pins} one {# pin} other {# pins}}, {m, plural, one {# area} other {# areas}}";
        assertEquals("no pins, 0 areas", Plurals.choose(message, "n", 0, "m", 0));
        assertEquals("1 pin, 1 area", Plurals.choose(message, "n", 1, "m", 1L));
        assertEquals("2 pins, 2 areas", Plurals.choose(message, "n", 2, "m", "2"));
        assertEquals("<5 pins, 1 area", Plurals.choose(message, "n", "<5", "m", "1"));
        assertEquals("an area", Plurals.choose("{kind, select, area {an area} other {a {kind}}}", "kind", "area"));
        assertEquals("a {kind}", Plurals.choose("{kind, select, area {an area} other {a {kind}}}", "kind", "line"));
    }

    @Test
    void theReportsCountsReadRightForOneAndTwoInBothLanguages() {
        assertEquals("The proposal with the most supports", EN.text("top.caption", "count", 1));
        assertEquals("The 2 proposals with the most supports", EN.text("top.caption", "count", 2));
        assertEquals("Het voorstel met de meeste steun", NL.text("top.caption", "count", 1));
        assertEquals("De 2 voorstellen met de meeste steun", NL.text("top.caption", "count", 2));

        assertTrue(EN.text("participation.small", "threshold", 2, "below", 1).contains("\"<2\" means 1 person,"));
        assertTrue(EN.text("participation.small", "threshold", 5, "below", 4).contains("\"<5\" means 1 to 4 people,"));
        assertTrue(NL.text("participation.small", "threshold", 2, "below", 1).contains("\"<2\" betekent 1 persoon,"));
        assertTrue(NL.text("participation.small", "threshold", 5, "below", 4)
                .contains("\"<5\" betekent 1 tot en met 4 mensen,"));

        assertTrue(EN.text("method.text", "srid", 28992, "eps", 50, "minPoints", 1)
                .contains("within 50 m of at least 1 proposal (itself included)"));
        assertTrue(EN.text("method.text", "srid", 28992, "eps", 50, "minPoints", 2)
                .contains("within 50 m of at least 2 proposals (itself included)"));
        assertTrue(NL.text("method.text", "srid", 28992, "eps", 50, "minPoints", 1).contains("minstens 1 voorstel (zichzelf"));
        assertTrue(NL.text("method.text", "srid", 28992, "eps", 50, "minPoints", 2)
                .contains("minstens 2 voorstellen (zichzelf"));

        assertEquals("The pins are not shown, because fewer than 1 person answered.",
                EN.text("meeting.pinsHidden", "threshold", 1));
        assertEquals("The pins are not shown, because fewer than 5 people answered.",
                EN.text("meeting.pinsHidden", "threshold", 5));
        assertEquals("De punten worden niet getoond, omdat minder dan 1 persoon antwoordde.",
                NL.text("meeting.pinsHidden", "threshold", 1));
    }

    @Test
    void noEnglishWordsPutAWhereAnBelongs() throws Exception {
        var words = new Properties();
        try (var in = Messages.class.getResourceAsStream("messages_en.properties")) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String key : words.stringPropertyNames()) {
            String text = words.getProperty(key);
            assertTrue(!text.matches("(?is).*\\ba [aeio{].*"), key + ": " + text);
        }
    }
}
