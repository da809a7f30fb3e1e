package nl.plein.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.security.Roles;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document Plein serves describes exactly the routes it has. */
class OpenApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        var response = server.anonymous().get("/api/openapi.json").expect(200);
        JsonNode doc = response.json();
        assertTrue(doc.get("openapi").asText().startsWith("3."));
        Set<String> documented = new TreeSet<>();
        Set<String> operationIds = new HashSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                assertTrue(operationIds.add(op.getValue().get("operationId").asText()), "unique operationId");
                assertTrue(op.getValue().get("responses").size() > 0);
            }
        }));
        Set<String> routes = new TreeSet<>();
        server.app.unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            String method = parsed.endpoint.method.name();
            if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                    && parsed.endpoint.path.startsWith("/api")) {
                routes.add(method + " " + parsed.endpoint.path);
            }
        });
        assertEquals(routes, documented);
    }

    /** The access each operation documents (x-plein-access) is the one the route table declares. */
    @Test
    void everyOperationDocumentsTheAccessItsRouteDeclares() {
        JsonNode paths = server.anonymous().get("/api/openapi.json").expect(200).json().get("paths");
        Set<String> disagreements = new TreeSet<>();
        server.app.unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            var endpoint = parsed.endpoint;
            JsonNode op = paths.path(endpoint.path).path(endpoint.method.name().toLowerCase(Locale.ROOT));
            var roles = endpoint.metadata(Roles.class);
            if (!op.isMissingNode() && roles != null) {
                Set<String> declared = new TreeSet<>();
                roles.getRoles().forEach(role -> declared.add(role.toString().toLowerCase(Locale.ROOT)));
                Set<String> documented = Set.of(op.path("x-plein-access").asText());
                if (!declared.equals(documented)) {
                    disagreements.add(endpoint.method + " " + endpoint.path + ": route " + declared
                            + ", document " + documented);
                }
            }
        });
        assertEquals(Set.of(), disagreements);
    }

    /** A description no route points at drifts unseen (the map's cells were once described but not used). */
    @Test
    void everySharedComponentIsUsedByARoute() {
        String text = server.anonymous().get("/api/openapi.json").expect(200).body();
        JsonNode components = server.anonymous().get("/api/openapi.json").expect(200).json().get("components");
        Set<String> unused = new TreeSet<>();
        components.fields().forEachRemaining(kind -> {
            if (!kind.getKey().equals("securitySchemes")) {
                kind.getValue().fieldNames().forEachRemaining(name -> {
                    if (!text.contains("\"#/components/" + kind.getKey() + "/" + name + "\"")) {
                        unused.add(kind.getKey() + "/" + name);
                    }
                });
            }
        });
        assertEquals(Set.of(), unused);
    }

    @Test
    void theIndexLinksToTheServiceDescription() {
        var index = server.anonymous().get("/api").expect(200).json();
        boolean linked = false;
        for (JsonNode link : index.get("links")) {
            linked |= link.get("rel").asText().equals("service-desc") && link.get("href").asText().equals("/api/openapi.json");
        }
        assertTrue(linked);
    }
}
