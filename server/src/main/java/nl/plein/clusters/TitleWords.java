package nl.plein.clusters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The most frequent words of proposal titles, to label a cluster of proposals on the map.
 *
 * <p>Rules, applied to each title in turn:
 * <ol>
 *   <li>Null and blank titles are ignored.
 *   <li>The title is lower-cased with {@link Locale#ROOT} and brought to Unicode NFC, so that an
 *       "é" typed as e + combining accent is the same word as a precomposed "é".
 *   <li>It is split on every character that is not a letter, a digit or a combining mark
 *       ({@link Character#isLetterOrDigit(int)}, Unicode-aware): letters such as é, ë, ï, ü and ß stay
 *       in their words; hyphens split ("Sint-Jansplein" gives "sint" and "jansplein").
 *   <li>Apostrophes (', ’ or ʼ) between two letters or digits stay in the word, written as ': a final
 *       "'s", the Dutch plural of "auto's" and "foto's" or the English possessive, is then dropped so
 *       that "auto's" counts as "auto"; other inner apostrophes are kept ("zo'n", "don't"). An
 *       apostrophe at the start or end of a word ("'s avonds") separates like any other sign.
 *   <li>Words shorter than 3 characters (Unicode code points), pure numbers (only digits, such as
 *       "2025"; "30km" stays) and stop words are dropped.
 *   <li>Each word counts once per title, however often the title repeats it.
 * </ol>
 * Words are ordered by the number of titles holding them, most first, then alphabetically with a
 * Dutch {@link Collator} (so "één" sorts beside "een", not after "z"), then by plain {@link String}
 * order for words the collator finds equal; at most {@code limit} are returned.
 *
 * <p>Stop words: one list, Dutch and English together, since titles carry no language. They are the
 * resource files {@code stopwords-nl.txt} and {@code stopwords-en.txt} beside this class, written for
 * Plein: articles, pronouns, prepositions, conjunctions, auxiliary verbs, common adverbs and the
 * filler words of a participation platform ("voorstel", "idee", "graag", "meer", "proposal",
 * "please", …). A word in either list is dropped from every title: "door" (Dutch "through") also from
 * English titles.
 */
public final class TitleWords {
    /** A word and the number of titles it occurs in. */
    public record WordCount(String word, int count) {
    }

    private static final Set<String> STOP_WORDS = loadStopWords("stopwords-nl.txt", "stopwords-en.txt");

    private TitleWords() {
    }

    /**
     * The at most {@code limit} most frequent words of the titles, by the rules above.
     *
     * @param titles proposal titles; null or blank ones are ignored
     * @param limit the most words to return, ≥ 0
     */
    public static List<WordCount> top(Collection<String> titles, int limit) {
        if (titles == null) {
            throw new IllegalArgumentException("titles must not be null");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be ≥ 0, was " + limit);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String title : titles) {
            for (String word : words(title)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        Collator dutch = Collator.getInstance(Locale.forLanguageTag("nl"));
        Comparator<WordCount> order = Comparator.comparingInt(WordCount::count).reversed()
                .thenComparing(WordCount::word, dutch)
                .thenComparing(WordCount::word);
        return counts.entrySet().stream()
                .map(e -> new WordCount(e.getKey(), e.getValue()))
                .sorted(order)
                .limit(limit)
                .toList();
    }

    /**
     * The words of one title that count, by the rules above, each once, in the order they first
     * appear; empty for a null or blank title.
     */
    public static List<String> words(String title) {
        if (title == null || title.isBlank()) {
            return List.of();
        }
        String text = Normalizer.normalize(title.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        Set<String> words = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isWordCharacter(c)) {
                word.appendCodePoint(c);
            } else if (isApostrophe(c) && !word.isEmpty() && next < text.length()
                    && isWordCharacter(text.codePointAt(next))) {
                word.append('\'');
            } else {
                keep(word, words);
            }
            i = next;
        }
        keep(word, words);
        return List.copyOf(words);
    }

    private static void keep(StringBuilder token, Set<String> words) {
        if (token.isEmpty()) {
            return;
        }
        String word = token.toString();
        token.setLength(0);
        if (word.endsWith("'s")) {
            word = word.substring(0, word.length() - 2);
        }
        if (word.codePointCount(0, word.length()) < 3 || word.codePoints().allMatch(Character::isDigit)
                || STOP_WORDS.contains(word)) {
            return;
        }
        words.add(word);
    }

    private static boolean isWordCharacter(int c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }

    private static Set<String> loadStopWords(String... names) {
        Set<String> words = new HashSet<>();
        for (String name : names) {
            var stream = TitleWords.class.getResourceAsStream(name);
            if (stream == null) {
                throw new IllegalStateException("missing resource nl/plein/clusters/" + name);
            }
            try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                reader.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .map(line -> Normalizer.normalize(line.toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
                                .replace('\u2019', '\''))
                        .forEach(words::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read nl/plein/clusters/" + name, e);
            }
        }
        return Set.copyOf(words);
    }
}
