package nl.plein.meetings;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/** Join codes: six characters read off a screen and typed on a phone, so none that look alike (0/O, 1/I). */
final class JoinCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {
    }

    static String random() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, tidied (case, spaces, dashes), if it can be a code at all. */
    static Optional<String> normalise(String typed) {
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
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
