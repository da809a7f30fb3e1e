package nl.plein.budgets.ballots;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import nl.plein.http.TypedCode;

/**
 * Random strings to type from paper: voting codes and receipts ({@link TypedCode}: 32 characters
 * of 5 bits each, no look-alikes), in groups of four joined by dashes. A
 * voting code has 16 characters, 80 bits from SecureRandom: guessing one of a million codes out
 * there takes about 2^60 tries. A receipt has 12 (60 bits): it only has to be unique and say
 * nothing about who holds it.
 */
final class Codes {
    /** A voting code: 16 characters in groups of four. */
    static final TypedCode CODE = new TypedCode(16, 4);
    /** A receipt: 12 characters in groups of four. */
    static final TypedCode RECEIPT = new TypedCode(12, 4);

    private Codes() {
    }

    static String code() {
        return CODE.random();
    }

    static String receipt() {
        return RECEIPT.random();
    }

    /** A voting code as someone typed it, tidied (case, spaces, dashes), if it can be a code at all. */
    static Optional<String> normalise(String typed) {
        return CODE.normalise(typed);
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
