package nl.plein.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enumerated values on the wire are lower_snake_case names of Java enum constants. */
public final class Choices {
    private Choices() {
    }

    public static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (wire(constant).equals(value)) {
                return constant;
            }
        }
        throw ApiError.invalid(field, "must be one of " + allowed(type) + ", not '" + value + "'");
    }

    public static String wire(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choices::wire).collect(Collectors.joining(", "));
    }
}
