package nl.plein.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.plein.http.Json;
import nl.plein.support.Client;

/**
 * Holds the code to the OpenAPI document, one exchange at a time. Each exchange is a real request to a
 * documented operation, and around it the contract asks the code what it accepts, using the problems
 * it answers: a query parameter the code does not know is refused with the names it does know, and so
 * is a body member. Those names are compared with the document's; wrong-typed and missing members must
 * be refused by name; every answer must have a documented status, content type and body shape.
 */
final class Contract {
    static final String PROBE = "zz-probe";
    private static final String UNKNOWN_PARAMETER = "https://plein.example/problems/unknown-parameter";

    private final OpenApiDocument document;
    private final SchemaCheck schemas;
    private final String baseUrl;
    /** What the code accepts per operation, the union over every exchange with it. */
    private final Map<String, Set<String>> acceptedParameters = new TreeMap<>();
    private final Set<String> typeProbed = new TreeSet<>();
    private final List<String> disagreements = new ArrayList<>();

    Contract(OpenApiDocument document, String baseUrl) {
        this.document = document;
        this.schemas = new SchemaCheck(document);
        this.baseUrl = baseUrl;
    }

    List<String> disagreements() {
        return disagreements;
    }

    Set<String> exercised() {
        return acceptedParameters.keySet();
    }

    private void disagree(String operation, String what) {
        disagreements.add(operation + ": " + what);
    }

    /**
     * One documented operation ("POST /api/projects") sent to {@code path} (which may carry a query)
     * with {@code body} (null: none), after the probes; returns the real response.
     */
    Client.Response exchange(Client client, String operation, String path, Object body) {
        String method = operation.split(" ", 2)[0];
        document.operation(operation);
        JsonNode json = body == null ? null : Json.MAPPER.valueToTree(body);
        JsonNode requestBody = document.operation(operation).path("requestBody");
        if (json == null && document.resolve(requestBody).path("required").asBoolean(false)) {
            disagree(operation, "the document requires a request body, but the walk sends none");
        }
        if (json != null) {
            JsonNode schema = document.requestSchema(operation, "application/json");
            if (schema == null) {
                disagree(operation, "sends a JSON body, but the document has no application/json request body");
            } else {
                probeBody(client, operation, path, json, schema, "");
            }
        }
        var probe = send(client, method, withQuery(path, PROBE + "=1"), json);
        var accepted = acceptedParameters.computeIfAbsent(operation, o -> new TreeSet<>());
        Client.Response real;
        JsonNode problem = problem(probe);
        boolean readsQuery = false;
        var acceptedHere = new TreeSet<String>();
        if (probe.status() == 400 && problem != null && problem.path("type").asText().equals(UNKNOWN_PARAMETER)
                && problem.path("errors").path(0).path("field").asText().equals(PROBE)) {
            checkResponse(operation, probe);
            readsQuery = true;
            String detail = problem.path("errors").path(0).path("detail").asText();
            String allowed = detail.substring(detail.indexOf("allowed: ") + "allowed: ".length());
            if (!allowed.equals("none")) {
                acceptedHere.addAll(Arrays.asList(allowed.split(", ")));
            }
            accepted.addAll(acceptedHere);
            real = send(client, method, path, json);
        } else {
            // The route does not read its query at all, so the probe was the real exchange.
            real = probe;
        }
        checkResponse(operation, real);
        if (readsQuery) {
            probeParameters(client, operation, path, json, acceptedHere);
        }
        return real;
    }

    /** Compares, per exercised operation, the query parameters the code accepts with the documented ones. */
    void compareParameters() {
        acceptedParameters.forEach((operation, accepted) -> {
            var documented = new TreeSet<>(document.queryParameters(operation).keySet());
            if (!documented.equals(accepted)) {
                disagree(operation, "the code accepts query parameters " + accepted + ", the document lists " + documented);
            }
        });
    }

    /**
     * For an operation that reads its query: leaving out a required parameter, or giving a typed one
     * a value of the wrong type, must be refused naming the parameter (before anything is changed).
     */
    private void probeParameters(Client client, String operation, String path, JsonNode body, Set<String> acceptedHere) {
        String method = operation.split(" ", 2)[0];
        document.queryParameters(operation).forEach((name, parameter) -> {
            // Once per parameter, on an exchange that accepts it (an export's parameters depend on the file).
            if (!acceptedHere.contains(name) || !typeProbed.add(operation + " " + name)) {
                return;
            }
            if (!parameter.has("schema")) {
                disagree(operation, "query parameter " + name + " has no schema (type)");
                return;
            }
            JsonNode schema = document.resolve(parameter.get("schema"));
            if (!schema.has("type")) {
                disagree(operation, "query parameter " + name + " has no type");
                return;
            }
            if (parameter.path("required").asBoolean(false)) {
                var response = send(client, method, withoutParameter(path, name), body);
                checkResponse(operation, response);
                if (response.status() != 400 || !namesField(problem(response), name)) {
                    disagree(operation, "query parameter " + name + " is documented as required, but the code did"
                            + " not refuse a request without it: " + response.status() + " " + abbreviate(response.body()));
                }
            }
            boolean typed = !schema.path("type").asText().equals("string") || schema.has("enum")
                    || schema.has("format") && Set.of("date", "date-time").contains(schema.get("format").asText());
            if (!typed) {
                return;
            }
            var response = send(client, method, withQuery(withoutParameter(path, name), name + "=zz"), body);
            checkResponse(operation, response);
            if (response.status() != 400 || !namesField(problem(response), name)) {
                disagree(operation, "query parameter " + name + " is documented as " + schema.get("type").asText()
                        + (schema.has("enum") ? " " + schema.get("enum") : "") + (schema.has("format") ? " "
                        + schema.get("format").asText() : "") + ", but the code did not refuse " + name + "=zz: "
                        + response.status() + " " + abbreviate(response.body()));
            }
        });
    }

    /**
     * For each object of the request body the document describes (the body, and its documented object
     * members that the real body holds): an unknown member is refused with the names the code knows,
     * which must be the documented ones; a wrong-typed member is refused by name; and so is a body
     * without a member the document says is required.
     */
    private void probeBody(Client client, String operation, String path, JsonNode body, JsonNode schema, String at) {
        schema = document.resolve(schema);
        JsonNode here = at.isEmpty() ? body : body.at("/" + at.replace(".", "/"));
        if (!here.isObject() || !schema.has("properties") && !schema.has("additionalProperties")) {
            return;
        }
        String method = operation.split(" ", 2)[0];
        var documented = new TreeSet<String>();
        schema.path("properties").fieldNames().forEachRemaining(documented::add);
        if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
            String probeName = at.isEmpty() ? PROBE : at + "." + PROBE;
            var response = send(client, method, path, with(body, probeName, JsonNodeFactory.instance.numberNode(1)));
            checkResponse(operation, response);
            JsonNode error = error(problem(response), probeName);
            if (response.status() != 400 || error == null) {
                disagree(operation, "the document allows no other members in the body" + (at.isEmpty() ? "" : " at " + at)
                        + ", but the code did not refuse '" + PROBE + "': " + response.status() + " " + abbreviate(response.body()));
            } else {
                String detail = error.path("detail").asText();
                String allowed = detail.substring(detail.indexOf("allowed: ") + "allowed: ".length());
                var accepted = new TreeSet<String>();
                if (!allowed.isBlank()) {
                    accepted.addAll(Arrays.asList(allowed.split(", ")));
                }
                if (!accepted.equals(documented)) {
                    disagree(operation, "the code accepts body members " + (at.isEmpty() ? "" : "at " + at + " ")
                            + accepted + ", the document lists " + documented);
                }
            }
        }
        for (String name : documented) {
            String field = at.isEmpty() ? name : at + "." + name;
            JsonNode member = document.resolve(schema.get("properties").get(name));
            // readOnly (OpenAPI 3.0): named in the schema, but a request holding it is refused.
            boolean readOnly = member.path("readOnly").asBoolean(false);
            JsonNode wrong = readOnly ? JsonNodeFactory.instance.numberNode(1) : wrongValue(member);
            if (wrong != null) {
                var response = send(client, method, path, with(body, field, wrong));
                checkResponse(operation, response);
                if (response.status() != 400 || !namesField(problem(response), field)) {
                    disagree(operation, "body member " + field + " is documented as " + describe(member)
                            + (readOnly ? " and read-only" : "") + ", but the code did not refuse " + wrong + " for it: " + response.status() + " "
                            + abbreviate(response.body()));
                }
            }
            boolean required = false;
            for (JsonNode r : schema.path("required")) {
                required |= r.asText().equals(name);
            }
            if (wrong != null && !readOnly && !required && !member.path("nullable").asBoolean(false)) {
                var response = send(client, method, path, with(body, field, JsonNodeFactory.instance.nullNode()));
                checkResponse(operation, response);
                if (response.status() < 300) {
                    disagree(operation, "body member " + field + " is not documented as nullable, but the code"
                            + " accepted null for it: " + response.status());
                }
            }
            // A geometry is read by the GeoJSON reader, whose problems name the geometry, not its members.
            boolean geometry = member.path("properties").has("coordinates");
            if (member.has("properties") && !geometry && body.at("/" + field.replace(".", "/")).isObject()) {
                probeBody(client, operation, path, body, member, field);
            }
        }
        for (JsonNode required : schema.path("required")) {
            String field = at.isEmpty() ? required.asText() : at + "." + required.asText();
            var response = send(client, method, path, without(body, field));
            checkResponse(operation, response);
            if (response.status() != 400 || !namesField(problem(response), field)) {
                disagree(operation, "body member " + field + " is documented as required, but the code did not"
                        + " refuse a body without it: " + response.status() + " " + abbreviate(response.body()));
            }
        }
    }

    /** A value no reading of this schema accepts, or null when the schema allows any value. */
    private JsonNode wrongValue(JsonNode schema) {
        var f = JsonNodeFactory.instance;
        String type = schema.path("type").asText("");
        if (type.isEmpty() && (schema.has("oneOf") || schema.has("anyOf"))) {
            // A choice of objects (a geometry, or null): a number fits none of them.
            for (JsonNode option : schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")) {
                String optionType = document.resolve(option).path("type").asText("");
                if (!optionType.equals("object") && !optionType.equals("array")) {
                    return null;
                }
            }
            return f.numberNode(7);
        }
        return switch (type) {
            case "string" -> f.numberNode(7);
            case "integer", "number", "boolean", "array", "object" -> f.textNode("zz");
            default -> null;
        };
    }

    private static String describe(JsonNode schema) {
        return schema.has("type") && !schema.get("type").asText().isEmpty() ? schema.get("type").asText() : schema.has("oneOf") ? "one of several objects" : "any";
    }

    /** Status documented, content type documented, JSON body valid against the documented schema. */
    void checkResponse(String operation, Client.Response response) {
        JsonNode documented = document.response(operation, response.status());
        if (documented == null) {
            disagree(operation, "answered " + response.status() + ", which the document does not list: "
                    + abbreviate(response.body()));
            return;
        }
        checkContent(operation, documented, response.status(), response.header("Content-Type"), response.body());
    }

    private void checkContent(String operation, JsonNode documented, int status, String contentType, String body) {
        JsonNode content = documented.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                disagree(operation, status + " has a body, but the document describes none");
            }
            return;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        String base = type.split(";", 2)[0];
        JsonNode media = null;
        var names = new LinkedHashSet<String>();
        var fields = content.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            names.add(entry.getKey());
            String key = entry.getKey().toLowerCase(Locale.ROOT).replace(" ", "");
            if (key.contains(";") ? type.startsWith(key) : base.equals(key)) {
                media = entry.getValue();
            }
        }
        if (media == null) {
            disagree(operation, status + " came as " + contentType + ", the document lists " + names);
            return;
        }
        if ((base.endsWith("json") || base.endsWith("+json")) && media.has("schema")) {
            JsonNode value;
            try {
                value = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                disagree(operation, status + " is not JSON: " + abbreviate(body));
                return;
            }
            for (String problem : schemas.problems(media.get("schema"), value)) {
                disagree(operation, status + " " + problem);
            }
        }
    }

    /** An operation whose body is text, not JSON (a Pabulib file): sent as it is; the answer is checked. */
    Client.Response exchangeText(Client client, String operation, String path, String contentType, String text) {
        document.operation(operation);
        acceptedParameters.computeIfAbsent(operation, o -> new TreeSet<>());
        var response = client.raw(operation.split(" ", 2)[0], path, contentType, text.getBytes(StandardCharsets.UTF_8));
        checkResponse(operation, response);
        return response;
    }

    /**
     * An upload: a multipart/form-data body sent as it is, whose field names must be among the
     * documented form's; the answer is checked.
     */
    Client.Response exchangeForm(Client client, String operation, String path, nl.plein.support.Multipart form,
                                 Set<String> fields) {
        JsonNode schema = document.requestSchema(operation, "multipart/form-data");
        if (schema == null) {
            disagree(operation, "sends a multipart/form-data body, but the document has none");
        } else {
            var documented = new TreeSet<String>();
            document.resolve(schema).path("properties").fieldNames().forEachRemaining(documented::add);
            if (!documented.containsAll(fields)) {
                disagree(operation, "the walk sends form fields " + new TreeSet<>(fields) + ", the document lists only "
                        + documented);
            }
        }
        acceptedParameters.computeIfAbsent(operation, o -> new TreeSet<>());
        var response = client.raw(operation.split(" ", 2)[0], path, form.contentType(), form.bytes());
        checkResponse(operation, response);
        return response;
    }

    /** A server-sent event stream: only its status and content type, as it never ends by itself. */
    void exchangeStream(String operation, String path) {
        document.operation(operation);
        acceptedParameters.computeIfAbsent(operation, o -> new TreeSet<>());
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (boolean probe : new boolean[] {true, false}) {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + (probe ? withQuery(path, PROBE + "=1") : path)))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                String type = response.headers().firstValue("Content-Type").orElse("");
                String body;
                try (InputStream in = response.body()) {
                    body = response.statusCode() == 200 ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (probe) {
                    JsonNode problem = response.statusCode() == 400 ? Json.MAPPER.readTree(body) : null;
                    if (problem != null && problem.path("errors").path(0).path("field").asText().equals(PROBE)) {
                        String detail = problem.path("errors").path(0).path("detail").asText();
                        String allowed = detail.substring(detail.indexOf("allowed: ") + "allowed: ".length());
                        if (!allowed.equals("none")) {
                            acceptedParameters.get(operation).addAll(Arrays.asList(allowed.split(", ")));
                        }
                    }
                }
                JsonNode documented = document.response(operation, response.statusCode());
                if (documented == null) {
                    disagree(operation, "answered " + response.statusCode() + ", which the document does not list");
                } else if (response.statusCode() != 200) {
                    checkContent(operation, documented, response.statusCode(), type, body);
                } else if (!documented.path("content").has(type.split(";", 2)[0].trim())) {
                    disagree(operation, "200 came as " + type + ", the document lists " + documented.path("content"));
                }
            } catch (IOException e) {
                throw new AssertionError(operation + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Client.Response send(Client client, String method, String path, JsonNode body) {
        if (body == null) {
            return switch (method) {
                case "GET" -> client.get(path);
                case "DELETE" -> client.delete(path);
                default -> client.raw(method, path, null, new byte[0]);
            };
        }
        return client.raw(method, path, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode problem(Client.Response response) {
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return null;
        }
        return response.json();
    }

    private static JsonNode error(JsonNode problem, String field) {
        if (problem != null) {
            for (JsonNode error : problem.path("errors")) {
                if (error.path("field").asText().equals(field)) {
                    return error;
                }
            }
        }
        return null;
    }

    /** Whether the problem names this input, or something inside it ("view.bbox", "slideIds[0]"). */
    private static boolean namesField(JsonNode problem, String field) {
        if (problem != null && !problem.path("type").asText().equals(UNKNOWN_PARAMETER)) {
            for (JsonNode error : problem.path("errors")) {
                String named = error.path("field").asText();
                if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode with(JsonNode body, String field, JsonNode value) {
        JsonNode copy = body.deepCopy();
        String[] steps = field.split("\\.");
        JsonNode node = copy;
        for (int i = 0; i < steps.length - 1; i++) {
            node = node.get(steps[i]);
        }
        ((ObjectNode) node).set(steps[steps.length - 1], value);
        return copy;
    }

    private static JsonNode without(JsonNode body, String field) {
        JsonNode copy = body.deepCopy();
        String[] steps = field.split("\\.");
        JsonNode node = copy;
        for (int i = 0; i < steps.length - 1; i++) {
            node = node.get(steps[i]);
        }
        ((ObjectNode) node).remove(steps[steps.length - 1]);
        return copy;
    }

    private static String withQuery(String path, String parameter) {
        return path + (path.contains("?") ? "&" : "?") + parameter;
    }

    private static String withoutParameter(String path, String name) {
        int question = path.indexOf('?');
        if (question < 0) {
            return path;
        }
        var kept = new ArrayList<String>();
        for (String pair : path.substring(question + 1).split("&")) {
            if (!pair.split("=", 2)[0].equals(name)) {
                kept.add(pair);
            }
        }
        return path.substring(0, question) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
