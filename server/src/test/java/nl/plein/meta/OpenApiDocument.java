package nl.plein.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Plein's OpenAPI document, read as the contract tests need it: operations, parameters, bodies, responses. */
final class OpenApiDocument {
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final JsonNode root;

    OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** Follows {@code $ref} (only local ones, {@code #/components/...}) until a node holds none. */
    JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new AssertionError("only local references are checked, not " + ref);
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new AssertionError("the reference " + ref + " leads nowhere");
            }
            node = target;
        }
        return node;
    }

    /** Every operation, as "GET /api/projects/{id}". */
    Set<String> operations() {
        var operations = new TreeSet<String>();
        root.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** The operation "GET /api/x", or an assertion error naming it when the document lacks it. */
    JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        JsonNode op = root.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
        if (op.isMissingNode()) {
            throw new AssertionError(operation + " is not in the OpenAPI document");
        }
        return op;
    }

    /** The query parameters of an operation (its path's and its own), by name, each resolved. */
    Map<String, JsonNode> queryParameters(String operation) {
        String path = operation.split(" ", 2)[1];
        var parameters = new LinkedHashMap<String, JsonNode>();
        for (JsonNode list : new JsonNode[] {root.path("paths").path(path).path("parameters"),
                operation(operation).path("parameters")}) {
            for (JsonNode parameter : list) {
                JsonNode resolved = resolve(parameter);
                if (resolved.path("in").asText().equals("query")) {
                    parameters.put(resolved.get("name").asText(), resolved);
                }
            }
        }
        return parameters;
    }

    /** The schema of the request body sent as {@code mediaType}, or null when none is documented. */
    JsonNode requestSchema(String operation, String mediaType) {
        JsonNode body = operation(operation).get("requestBody");
        if (body == null) {
            return null;
        }
        JsonNode content = resolve(body).path("content").path(mediaType);
        return content.has("schema") ? content.get("schema") : null;
    }

    /** The documented response for this status, or null when the operation does not document it. */
    JsonNode response(String operation, int status) {
        JsonNode responses = operation(operation).path("responses");
        JsonNode response = responses.get(Integer.toString(status));
        if (response == null) {
            response = responses.get(status / 100 + "XX");
        }
        if (response == null) {
            response = responses.get("default");
        }
        return response == null ? null : resolve(response);
    }
}
