package nl.plein.meta;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plein.db.Jdbis;
import nl.plein.http.GeoJson;
import nl.plein.http.Query;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * What the API says about itself: an index of links, its health, and its OpenAPI document. The
 * document (openapi.json beside this class) is the one description of every route's parameters,
 * bodies and responses; the code is held to it per route by OpenApiContractTest, which sends every
 * documented operation and compares what the handlers accept and answer with what it says.
 */
public final class MetaRoutes {
    private static final String POSTGIS_VERSION = Jdbis.sql(MetaRoutes.class, "postgis-version.sql");

    private final Jdbi jdbi;
    private final String openapi;

    public MetaRoutes(Jdbi jdbi) {
        this.jdbi = jdbi;
        try (InputStream in = MetaRoutes.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the build");
            }
            this.openapi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read openapi.json", e);
        }
    }

    public void index(Context ctx) {
        Query.of(ctx);
        var body = new LinkedHashMap<String, Object>();
        body.put("title", "Plein");
        body.put("description", "Co-design of public spaces, on a map, by a city and its residents.");
        body.put("links", List.of(
                Map.of("rel", "service-desc", "type", "application/vnd.oai.openapi+json;version=3.0",
                        "href", "/api/openapi.json"),
                Map.of("rel", "projects", "type", "application/geo+json", "href", "/api/projects"),
                Map.of("rel", "proposals", "type", "application/geo+json", "href", "/api/proposals"),
                Map.of("rel", "areas", "type", "application/geo+json", "href", "/api/areas")));
        ctx.json(body);
    }

    public void health(Context ctx) {
        Query.of(ctx);
        try {
            String postgis = jdbi.withHandle(h -> h.createQuery(POSTGIS_VERSION).mapTo(String.class).findOne())
                    .orElse("unknown");
            ctx.json(Map.of("status", "ok", "postgis", postgis));
        } catch (JdbiException e) {
            // Health says so itself rather than as a problem document: that is its answer.
            ctx.status(503).json(Map.of("status", "unavailable", "detail", "The database cannot be reached."));
        }
    }

    public void openapi(Context ctx) {
        Query.of(ctx);
        GeoJson.send(ctx, "application/vnd.oai.openapi+json;version=3.0", openapi);
    }
}
