package nl.plein.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plural forms in messages, the part of ICU's MessageFormat that Plein's words use, written the
 * same way in the map client's messages (where {@code Intl.PluralRules} chooses):
 * {@code {name, plural, =0 {no clusters} one {# cluster} other {# clusters}}}. An exact {@code =n}
 * comes first, then the value's category, then {@code other}; # stands for the value. Dutch and
 * English share their cardinal rule (CLDR: "one" is the integer 1 written without decimals, all
 * else is "other"), so one rule serves both. A value that is not a count, such as a published
 * "<5", takes {@code other}. {@code {name, select, word {…} other {…}}} chooses by a word.
 */
final class Plurals {
    private static final Pattern START = Pattern.compile("\\{(\\w+),\\s*(plural|select),");
    private static final Pattern OPTION = Pattern.compile("\\s*(=\\d+|[\\w-]+)\\s*\\{");

    private Plurals() {
    }

    /** {@code text} with each plural choice replaced by the words its value takes. */
    static String choose(String text, Object... namesAndValues) {
        var values = new LinkedHashMap<String, Object>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        var out = new StringBuilder();
        Matcher start = START.matcher(text);
        int at = 0;
        while (start.find(at)) {
            out.append(text, at, start.start());
            var options = new LinkedHashMap<String, String>();
            int i = start.end();
            while (true) {
                Matcher option = OPTION.matcher(text).region(i, text.length());
                if (!option.lookingAt()) {
                    break;
                }
                int end = closing(text, option.end() - 1);
                options.put(option.group(1), text.substring(option.end(), end));
                i = end + 1;
            }
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '}' || !options.containsKey("other")) {
                throw new IllegalStateException("a plural choice without 'other' or its closing brace: " + text);
            }
            Object value = values.get(start.group(1));
            out.append(start.group(2).equals("select")
                    ? options.getOrDefault(String.valueOf(value), options.get("other"))
                    : pick(options, value).replace("#", String.valueOf(value)));
            at = i + 1;
        }
        return out.append(text.substring(at)).toString();
    }

    /** The category of a value in Dutch and English: "one" or "other". */
    static String category(Object value) {
        return "1".equals(count(value)) ? "one" : "other";
    }

    /** A count as plain digits: an integer, or a text of digits alone ("1"); null for anything else. */
    private static String count(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        return value instanceof String s && s.strip().matches("\\d+") ? s.strip().replaceFirst("^0+(?=\\d)", "") : null;
    }

    private static String pick(Map<String, String> options, Object value) {
        String count = count(value);
        String exact = count == null ? null : options.get("=" + count);
        return exact != null ? exact : options.getOrDefault(category(value), options.get("other"));
    }

    /** Where the brace opened at {@code open} closes, over nested {placeholders}. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("an unclosed brace in " + text);
    }
}
