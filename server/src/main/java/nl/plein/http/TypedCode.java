package nl.plein.http;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A random code that people read and type (a meeting's join code, a voting code on a letter, a
 * ballot's receipt): characters from an alphabet of 32 (5 bits each) without look-alikes (no 0 or O,
 * no 1 or I), from SecureRandom, optionally shown in groups joined by dashes. What is typed back is
 * tidied (case, spaces, dashes) before it is compared.
 *
 * @param length how many characters
 * @param group shown in groups of this many, joined by dashes; 0 for one run
 */
public record TypedCode(int length, int group) {
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new code, grouped as it is shown. */
    public String random() {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (group > 0 && i > 0 && i % group == 0) {
                text.append('-');
            }
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** A code as someone typed it, tidied (case, spaces, dashes), if it can be one of these at all. */
    public Optional<String> normalise(String typed) {
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != length) {
            return Optional.empty();
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }
}
