package nl.plein.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against an OpenAPI 3.0 schema object: the subset of keywords Plein's document
 * uses. A keyword it does not know fails the check instead of being skipped, so the document cannot
 * say more than is checked.
 */
final class SchemaCheck {
    private static final Set<String> KNOWN = Set.of("type", "$ref", "properties", "required", "nullable", "enum",
            "items", "additionalProperties", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "minItems", "maxItems", "uniqueItems", "oneOf", "anyOf", "allOf", "pattern",
            "minProperties", "format", "description", "example", "default", "discriminator", "title",
            "readOnly", "writeOnly", "deprecated");

    private final OpenApiDocument document;

    SchemaCheck(OpenApiDocument document) {
        this.document = document;
    }

    /** Every way the value breaks the schema, each as "path: what"; empty when it conforms. */
    List<String> problems(JsonNode schema, JsonNode value) {
        var problems = new ArrayList<String>();
        check(schema, value, "$", problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        schema = document.resolve(schema);
        schema.fieldNames().forEachRemaining(keyword -> {
            if (!KNOWN.contains(keyword)) {
                problems.add(at + ": the schema uses '" + keyword + "', which this check does not understand");
            }
        });
        if (value.isNull()) {
            // OpenAPI 3.0: null only where the schema says nullable (or allows anything, or an option does).
            boolean any = !schema.has("type") && !schema.has("enum") && !schema.has("oneOf") && !schema.has("anyOf")
                    && !schema.has("allOf");
            boolean allowed = any || schema.path("nullable").asBoolean(false)
                    && (!schema.has("enum") || contains(schema.get("enum"), value));
            if (!allowed && (schema.has("oneOf") || schema.has("anyOf") || schema.has("allOf"))) {
                allowed = combinations(schema, value, at, new ArrayList<>());
            }
            if (!allowed) {
                problems.add(at + ": null, but the schema is not nullable");
            }
            return;
        }
        if (schema.has("type") && !hasType(schema.get("type").asText(), value)) {
            problems.add(at + ": " + kind(value) + ", not " + schema.get("type").asText());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        combinations(schema, value, at, problems);
        if (value.isTextual()) {
            text(schema, value.textValue(), at, problems);
        } else if (value.isNumber()) {
            number(schema, value.doubleValue(), at, problems);
        } else if (value.isArray()) {
            array(schema, value, at, problems);
        } else if (value.isObject()) {
            object(schema, value, at, problems);
        }
    }

    /** oneOf, anyOf and allOf; true when they hold (or the schema has none). */
    private boolean combinations(JsonNode schema, JsonNode value, String at, List<String> problems) {
        boolean holds = true;
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                int before = problems.size();
                check(part, value, at, problems);
                holds &= problems.size() == before;
            }
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            if (!schema.has(keyword)) {
                continue;
            }
            int matches = 0;
            var reasons = new ArrayList<String>();
            for (JsonNode option : schema.get(keyword)) {
                var optionProblems = problems(option, value).stream().map(p -> at + p.substring(1)).toList();
                if (optionProblems.isEmpty()) {
                    matches++;
                } else {
                    reasons.add(optionProblems.get(0));
                }
            }
            if (keyword.equals("oneOf") ? matches != 1 : matches == 0) {
                holds = false;
                problems.add(at + ": matches " + matches + " of the " + keyword + " options"
                        + (matches == 0 ? " " + reasons : ""));
            }
        }
        return holds;
    }

    private static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue());
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> throw new AssertionError("unknown schema type " + type);
        };
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value) || candidate.isNumber() && value.isNumber()
                    && candidate.doubleValue() == value.doubleValue()) {
                return true;
            }
        }
        return false;
    }

    private static void text(JsonNode schema, String text, String at, List<String> problems) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            problems.add(at + ": shorter than " + schema.get("minLength").asInt());
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            problems.add(at + ": longer than " + schema.get("maxLength").asInt());
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            problems.add(at + ": '" + text + "' does not match " + schema.get("pattern").asText());
        }
        String format = schema.path("format").asText("");
        try {
            if (format.equals("date")) {
                LocalDate.parse(text);
            } else if (format.equals("date-time")) {
                OffsetDateTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            problems.add(at + ": '" + text + "' is not a " + format);
        }
    }

    private static void number(JsonNode schema, double number, String at, List<String> problems) {
        if (schema.has("minimum")) {
            double min = schema.get("minimum").asDouble();
            if (schema.path("exclusiveMinimum").asBoolean(false) ? number <= min : number < min) {
                problems.add(at + ": " + number + " is below the minimum " + min);
            }
        }
        if (schema.has("maximum")) {
            double max = schema.get("maximum").asDouble();
            if (schema.path("exclusiveMaximum").asBoolean(false) ? number >= max : number > max) {
                problems.add(at + ": " + number + " is above the maximum " + max);
            }
        }
    }

    private void array(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            problems.add(at + ": fewer than " + schema.get("minItems").asInt() + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            problems.add(at + ": more than " + schema.get("maxItems").asInt() + " items");
        }
        if (schema.path("uniqueItems").asBoolean(false)) {
            var seen = new HashSet<JsonNode>();
            for (JsonNode item : value) {
                if (!seen.add(item)) {
                    problems.add(at + ": " + item + " appears twice");
                }
            }
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> problems) {
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asText())) {
                problems.add(at + ": '" + name.asText() + "' is missing");
            }
        }
        if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
            problems.add(at + ": fewer than " + schema.get("minProperties").asInt() + " members");
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        value.fields().forEachRemaining(member -> {
            String path = at + "." + member.getKey();
            if (properties.has(member.getKey())) {
                check(properties.get(member.getKey()), member.getValue(), path, problems);
            } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                problems.add(path + ": not in the schema, which allows no other members");
            } else if (additional != null && additional.isObject()) {
                check(additional, member.getValue(), path, problems);
            }
        });
    }
}
