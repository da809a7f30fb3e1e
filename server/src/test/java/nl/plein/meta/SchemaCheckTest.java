package nl.plein.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.plein.http.Json;
import org.junit.jupiter.api.Test;

/** The schema check the contract test relies on: what it accepts and what it refuses, keyword by keyword. */
class SchemaCheckTest {
    private static final OpenApiDocument DOCUMENT = new OpenApiDocument(json("""
            {"components": {"schemas": {
              "Point": {"type": "object", "required": ["type", "coordinates"], "additionalProperties": false,
                        "properties": {"type": {"type": "string", "enum": ["Point"]},
                                       "coordinates": {"type": "array", "items": {"type": "number"}, "minItems": 2}}},
              "NullValue": {"type": "object", "nullable": true, "enum": [null]}}}}
            """));
    private static final SchemaCheck CHECK = new SchemaCheck(DOCUMENT);

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> problems(String schema, String value) {
        return CHECK.problems(json(schema), json(value));
    }

    @Test
    void aValueThatFitsHasNoProblems() {
        assertEquals(List.of(), problems("{\"$ref\": \"#/components/schemas/Point\"}",
                "{\"type\": \"Point\", \"coordinates\": [5.1, 52.2]}"));
        assertEquals(List.of(), problems("{\"type\": \"integer\", \"minimum\": 1}", "3"));
        assertEquals(List.of(), problems("{\"type\": \"string\", \"format\": \"date\"}", "\"2026-01-31\""));
    }

    @Test
    void wrongTypesMissingAndExtraMembersAreNamedByPath() {
        var found = problems("{\"$ref\": \"#/components/schemas/Point\"}", "{\"type\": \"Line\", \"extra\": 1}");
        assertEquals(List.of("$: 'coordinates' is missing", "$.type: \"Line\" is not one of [\"Point\"]",
                "$.extra: not in the schema, which allows no other members"), found);
        assertEquals(List.of("$[1]: string, not number"),
                problems("{\"type\": \"array\", \"items\": {\"type\": \"number\"}}", "[1, \"2\"]"));
        assertEquals(List.of("$: number, not integer"), problems("{\"type\": \"integer\"}", "1.5"));
        assertEquals(List.of("$: 0.0 is below the minimum 1.0"), problems("{\"type\": \"integer\", \"minimum\": 1}", "0"));
        assertEquals(List.of("$: '31-01-2026' is not a date"),
                problems("{\"type\": \"string\", \"format\": \"date\"}", "\"31-01-2026\""));
    }

    @Test
    void nullFitsOnlyWhereTheSchemaIsNullableOrAnOptionIs() {
        assertEquals(List.of("$: null, but the schema is not nullable"), problems("{\"type\": \"string\"}", "null"));
        assertEquals(List.of(), problems("{\"type\": \"string\", \"nullable\": true}", "null"));
        assertEquals(List.of(), problems("{\"oneOf\": [{\"$ref\": \"#/components/schemas/Point\"},"
                + " {\"$ref\": \"#/components/schemas/NullValue\"}]}", "null"));
        assertEquals(List.of("$: null, but the schema is not nullable"),
                problems("{\"oneOf\": [{\"$ref\": \"#/components/schemas/Point\"}]}", "null"));
    }

    @Test
    void oneOfNeedsExactlyOneMatch() {
        String schema = "{\"oneOf\": [{\"type\": \"integer\"}, {\"type\": \"number\"}]}";
        assertEquals(List.of(), problems(schema, "1.5"));
        assertTrue(problems(schema, "2").get(0).startsWith("$: matches 2 of the oneOf options"));
        assertTrue(problems(schema, "\"x\"").get(0).startsWith("$: matches 0 of the oneOf options"));
    }

    @Test
    void aKeywordTheCheckDoesNotKnowIsAProblemNotASilentPass() {
        assertEquals(List.of("$: the schema uses 'not', which this check does not understand"),
                problems("{\"not\": {\"type\": \"string\"}}", "1"));
    }
}
