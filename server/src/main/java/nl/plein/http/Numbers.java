package nl.plein.http;

/** Numbers in messages and method texts, written as a person would: 100, not 100.0. */
public final class Numbers {
    private Numbers() {
    }

    /** A whole number without its ".0"; any other number as Java writes it. */
    public static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
