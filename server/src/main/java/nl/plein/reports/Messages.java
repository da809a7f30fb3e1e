package nl.plein.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import nl.plein.projects.Language;

/**
 * The words of reports and printed maps in Dutch and English (messages_nl/en.properties beside
 * this class), with {name} placeholders, and numbers written as each language writes them.
 */
public final class Messages {
    private static final Map<Language, Properties> BUNDLES = load();

    private final Language language;
    private final Properties words;

    private Messages(Language language) {
        this.language = language;
        this.words = BUNDLES.get(language);
    }

    public static Messages of(Language language) {
        return new Messages(language);
    }

    public Language language() {
        return language;
    }

    public String tag() {
        return language.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The text of {@code key} with each {name} replaced by the value after it: text(key, "name", value, …).
     * A count chooses its words as in the map client's messages (ICU's plural syntax):
     * {@code {count, plural, one {# cluster} other {# clusters}}}, with # for the count.
     */
    public String text(String key, Object... namesAndValues) {
        String text = words.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no " + tag() + " message " + key);
        }
        text = Plurals.choose(text, namesAndValues);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            text = text.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
        }
        return text;
    }

    /** A number with at most {@code decimals} decimals, grouped as the language groups thousands. */
    public String number(double value, int decimals) {
        var format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(decimals);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    public Locale locale() {
        return language == Language.NL ? Locale.forLanguageTag("nl-NL") : Locale.forLanguageTag("en-GB");
    }

    private static Map<Language, Properties> load() {
        var bundles = new EnumMap<Language, Properties>(Language.class);
        for (Language language : Language.values()) {
            String name = "messages_" + language.name().toLowerCase(Locale.ROOT) + ".properties";
            try (InputStream in = Messages.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing beside " + Messages.class.getName());
                }
                var properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                bundles.put(language, properties);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + name, e);
            }
        }
        return bundles;
    }
}
