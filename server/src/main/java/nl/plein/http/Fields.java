package nl.plein.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one JSON object of a request, strictly: fields it does not know are refused up front, and
 * every wrong type, missing value or over-long text is reported with the field's full path.
 */
public final class Fields {
    private final JsonNode node;
    private final String path;

    private Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The request body as an object that may hold only the named fields. */
    public static Fields of(JsonNode node, String... allowed) {
        return at(node, "", allowed);
    }

    /** An object found at {@code path} (e.g. {@code view} inside a slide), named so in every error. */
    public static Fields at(JsonNode node, String path, String... allowed) {
        if (node == null || !node.isObject()) {
            throw ApiError.invalid(path.isEmpty() ? "body" : path, "must be a JSON object");
        }
        var known = Set.of(allowed);
        var unknown = new LinkedHashSet<String>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            var errors = new ArrayList<ApiError.FieldError>();
            for (String name : unknown) {
                errors.add(new ApiError.FieldError(join(path, name),
                        "unknown field; allowed: " + String.join(", ", allowed)));
            }
            throw ApiError.invalid(errors);
        }
        return new Fields(node, path);
    }

    public String path(String name) {
        return join(path, name);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean has(String name) {
        return node.has(name);
    }

    /** The field's raw value, or empty when absent; JSON null counts as present. */
    public Optional<JsonNode> raw(String name) {
        return Optional.ofNullable(node.get(name));
    }

    public Fields object(String name, String... allowed) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw ApiError.invalid(path(name), "is required");
        }
        return at(value, path(name), allowed);
    }

    public String text(String name, int maxLength) {
        return optionalText(name, maxLength).orElseThrow(() -> ApiError.invalid(path(name), "is required"));
    }

    /** Text that is trimmed, non-blank, free of control characters other than line breaks and tabs. */
    public Optional<String> optionalText(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiError.invalid(path(name), "must be a string, not " + describe(value));
        }
        String text = value.textValue().strip();
        if (text.isEmpty()) {
            throw ApiError.invalid(path(name), "must not be empty");
        }
        checkText(path(name), text, maxLength);
        return Optional.of(text);
    }

    /** Like {@link #optionalText} but an empty string is allowed and kept as empty. */
    public Optional<String> optionalTextOrEmpty(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value != null && value.isTextual() && value.textValue().isBlank()) {
            return Optional.of("");
        }
        return optionalText(name, maxLength);
    }

    static void checkText(String field, String text, int maxLength) {
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw ApiError.invalid(field, "is too long: " + length + " characters, at most " + maxLength);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f) {
                throw ApiError.invalid(field, "contains a control character (U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
    }

    public long id(String name) {
        return optionalId(name).orElseThrow(() -> ApiError.invalid(path(name), "is required"));
    }

    public Optional<Long> optionalId(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
            throw ApiError.invalid(path(name), "must be a positive whole number, not " + describe(value));
        }
        return Optional.of(value.longValue());
    }

    public Optional<Boolean> optionalBoolean(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiError.invalid(path(name), "must be true or false, not " + describe(value));
        }
        return Optional.of(value.booleanValue());
    }

    public Optional<List<String>> optionalTextList(String name, int maxItems, int maxLength) {
        return items(name, maxItems, "strings", (field, item) -> {
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw ApiError.invalid(field, "must be a non-empty string, not " + describe(item));
            }
            String text = item.textValue().strip();
            checkText(field, text, maxLength);
            return text;
        });
    }

    /** Distinct positive ids, e.g. {@code [12, 15]}; each wrong item is named by its index. */
    public Optional<List<Long>> optionalIdList(String name, int maxItems) {
        return items(name, maxItems, "ids", (field, item) -> {
            if (!item.isIntegralNumber() || !item.canConvertToLong() || item.longValue() <= 0) {
                throw ApiError.invalid(field, "must be a positive whole number, not "
                        + (item.isNumber() ? item.toString() : describe(item)));
            }
            return item.longValue();
        });
    }

    private interface ItemReader<T> {
        T read(String field, JsonNode item);
    }

    /** An array of at most {@code maxItems} distinct items, each read (and refused) by its path, e.g. {@code ids[2]}. */
    private <T> Optional<List<T>> items(String name, int maxItems, String what, ItemReader<T> reader) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw ApiError.invalid(path(name), "must be an array of " + what + ", not " + describe(value));
        }
        if (value.size() > maxItems) {
            throw ApiError.invalid(path(name), "has " + value.size() + " items, at most " + maxItems);
        }
        var result = new ArrayList<T>();
        for (int i = 0; i < value.size(); i++) {
            String field = path(name) + "[" + i + "]";
            T item = reader.read(field, value.get(i));
            if (result.contains(item)) {
                throw ApiError.invalid(field, "'" + item + "' appears twice");
            }
            result.add(item);
        }
        return Optional.of(result);
    }

    /** A number in [min, max]; {@code minExclusive} refuses min itself (a distance > 0). */
    public Optional<Double> optionalNumber(String name, double min, boolean minExclusive, double max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw ApiError.invalid(path(name), "must be a number, not " + describe(value));
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number) || (minExclusive ? number <= min : number < min) || number > max) {
            throw ApiError.invalid(path(name), "must be " + (minExclusive ? "greater than " : "at least ")
                    + Numbers.plain(min) + " and at most " + Numbers.plain(max) + ", not " + value);
        }
        return Optional.of(number);
    }

    /** A whole number in [min, max]. */
    public Optional<Integer> optionalInteger(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw ApiError.invalid(path(name), "must be a whole number from " + min + " to " + max + ", not "
                    + (value.isNumber() ? value.toString() : describe(value)));
        }
        return Optional.of(value.intValue());
    }

    /** A value chosen from a fixed set, named in the error. */
    public <E extends Enum<E>> Optional<E> optionalChoice(String name, Class<E> type) {
        Optional<String> text = optionalText(name, 64);
        return text.map(t -> Choices.parse(path(name), t, type));
    }

    /** How a wrong value is named in an error: "a string", "an array", … */
    public static String describe(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
