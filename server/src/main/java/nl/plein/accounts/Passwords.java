package nl.plein.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import nl.plein.http.ApiError;

/** Argon2id with OWASP's baseline parameters (19 MiB, 2 passes, 1 lane). */
public final class Passwords {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;
    /** A hash of a random password: checked when the email is unknown, so timing does not tell. */
    private static final String DUMMY = hash("no account has this password " + System.nanoTime());

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean matches(String password, String storedHash) {
        try {
            return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static void burnTime(String password) {
        matches(password, DUMMY);
    }

    public static void requireStrongEnough(String field, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw ApiError.invalid(field, "must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw ApiError.invalid(field, "must have at most " + MAX_LENGTH + " characters");
        }
    }
}
