package nl.plein.budgets.ballots;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Random strings to type from paper: voting codes and receipts. The alphabet has 32 characters
 * (5 bits each) and no pair that looks alike (no 0 or O, no 1 or I), in groups of four joined by dashes. A
 * voting code has 16 characters, 80 bits from SecureRandom: guessing one of a million codes out
 * there takes about 2^60 tries. A receipt has 12 (60 bits): it only has to be unique and say
 * nothing about who holds it.
 */
final class Codes {
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 16;
    static final int RECEIPT_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    static String code() {
        return random(CODE_LENGTH);
    }

    static String receipt() {
        return random(RECEIPT_LENGTH);
    }

    private static String random(int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % 4 == 0) {
                text.append('-');
            }
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /**
     * A code as someone typed it, tidied (case, spaces, dashes), if it can be a code at all.
     */
    static Optional<String> normalise(String typed) {
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != CODE_LENGTH) {
            return Optional.empty();
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }

    /** What is stored of a code: the SHA-256 of its 16 characters without dashes. */
    static byte[] hash(String normalised) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
