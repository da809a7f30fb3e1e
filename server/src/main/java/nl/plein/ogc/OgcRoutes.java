package nl.plein.ogc;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plein.http.ApiError;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;

/** OGC API – Features at {@code /ogc}: landing page, conformance, collections and their items. */
public final class OgcRoutes {
    public static final String BASE = "/ogc";
    static final String JSON = "application/json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");

    private final FeatureStore store;
    private final String openapi;

    public OgcRoutes(FeatureStore store) {
        this.store = store;
        try (InputStream in = OgcRoutes.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("ogc/openapi.json is missing from the build");
            }
            this.openapi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read ogc/openapi.json", e);
        }
    }

    public void landing(Context ctx) {
        json(ctx);
        String base = base(ctx);
        var body = new LinkedHashMap<String, Object>();
        body.put("title", "Plein");
        body.put("description", "Public proposals, variants, pinned comments, clusters, hot spots, areas and participation"
                + " of Plein's co-design projects, as OGC API – Features.");
        body.put("links", List.of(
                link("self", JSON, base, "This document"),
                link("service-desc", OPENAPI, base + "/api", "The API definition (OpenAPI 3.0)"),
                link("service-doc", "text/html", base + "/api.html", "The API documentation"),
                link("conformance", JSON, base + "/conformance", "Conformance classes implemented"),
                link("data", JSON, base + "/collections", "The feature collections")));
        ctx.json(body);
    }

    public void conformance(Context ctx) {
        json(ctx);
        ctx.json(Map.of("conformsTo", CONFORMANCE));
    }

    public void openapi(Context ctx) {
        json(ctx);
        GeoJson.send(ctx, OPENAPI, openapi);
    }

    /** A human-readable page for the {@code service-doc} link: what is here and where it is described. */
    public void documentation(Context ctx) {
        Query.of(ctx);
        GeoJson.send(ctx, "text/html; charset=utf-8", """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plein – OGC API Features</title></head>
                <body><h1>Plein – OGC API Features</h1>
                <p>Per project its public proposals (<code>proposals-{projectId}</code>), their variants
                (<code>variants-{projectId}</code>), the comments pinned to the map (<code>comments-{projectId}</code>),
                where the proposals cluster (<code>clusters-{projectId}</code>, DBSCAN; the parameters <code>eps</code>
                and <code>minPoints</code> shape it) and their hot and cold spots (<code>hotspots-{projectId}</code>,
                Getis–Ord Gi* over hexagons whose edge the parameter <code>size</code> sets); per boundary set its areas
                (<code>areas-{setId}</code>); and per project and boundary set who took part per area
                (<code>participation-{projectId}-{setId}</code>). Counts of people and proposals follow the small-count
                rule. Readable by GIS clients such as QGIS and GDAL.</p>
                <ul><li><a href="%1$s/collections">Collections</a></li><li><a href="%1$s/conformance">Conformance</a></li>
                <li><a href="%1$s/api">API definition (OpenAPI 3.0)</a></li></ul></body></html>
                """.formatted(BASE));
    }

    public void collections(Context ctx) {
        json(ctx);
        String base = base(ctx);
        var body = new LinkedHashMap<String, Object>();
        body.put("links", List.of(link("self", JSON, base + "/collections", "The feature collections")));
        // Part 2's global list: every collection offers all of these, and lists them again itself.
        body.put("crs", Crs.URIS);
        body.put("collections", store.collections().stream().map(c -> describe(base, c)).toList());
        ctx.json(body);
    }

    public void collection(Context ctx) {
        json(ctx);
        ctx.json(describe(base(ctx), existing(ctx)));
    }

    public void items(Context ctx) {
        var collection = existing(ctx);
        var query = Query.of(ctx, parameters(collection, ItemsRequest.PARAMETERS));
        format(query);
        var request = ItemsRequest.of(query);
        var page = store.items(collection.id(), request, null, query);
        String items = base(ctx) + "/collections/" + collection.id() + "/items";
        var links = new ArrayList<String>();
        links.add(linkJson("self", GeoJson.MEDIA_TYPE, pageHref(ctx, items, request.offset())));
        links.add(linkJson("collection", JSON, base(ctx) + "/collections/" + collection.id()));
        if (request.offset() + page.features().size() < page.matched()) {
            links.add(linkJson("next", GeoJson.MEDIA_TYPE, pageHref(ctx, items, request.offset() + request.limit())));
        }
        if (request.offset() > 0) {
            links.add(linkJson("prev", GeoJson.MEDIA_TYPE, pageHref(ctx, items, Math.max(0, request.offset() - request.limit()))));
        }
        var out = new StringBuilder(256 + page.features().stream().mapToInt(String::length).sum());
        out.append("{\"type\":\"FeatureCollection\",\"timeStamp\":")
                .append(Json.write(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))
                .append(",\"numberMatched\":").append(page.matched())
                .append(",\"numberReturned\":").append(page.features().size())
                .append(",\"features\":[").append(String.join(",", page.features()))
                .append("],\"links\":[").append(String.join(",", links)).append("]}");
        ctx.header("Content-Crs", "<" + request.crs().uri() + ">");
        GeoJson.send(ctx, GeoJson.MEDIA_TYPE, out.toString());
    }

    public void item(Context ctx) {
        var collection = existing(ctx);
        var query = Query.of(ctx, parameters(collection, "f", "crs"));
        format(query);
        long featureId = featureId(ctx.pathParam("featureId"));
        var request = new ItemsRequest(null, Crs.CRS84, null, null, Crs.parse("crs", query.text("crs", 100)), 1, 0);
        var page = store.items(collection.id(), request, featureId, query);
        if (page.features().isEmpty()) {
            throw ApiError.notFound("Feature " + featureId + " in collection " + collection.id());
        }
        String href = base(ctx) + "/collections/" + collection.id();
        String feature = page.features().get(0);
        String links = "[" + linkJson("self", GeoJson.MEDIA_TYPE, href + "/items/" + featureId) + ","
                + linkJson("collection", JSON, href) + "]";
        ctx.header("Content-Crs", "<" + request.crs().uri() + ">");
        GeoJson.send(ctx, GeoJson.MEDIA_TYPE, feature.substring(0, feature.length() - 1) + ",\"links\":" + links + "}");
    }

    private Map<String, Object> describe(String base, FeatureStore.Collection c) {
        String href = base + "/collections/" + c.id();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", c.id());
        body.put("title", c.title());
        body.put("description", c.description());
        body.put("itemType", "feature");
        if (c.extent() != null) {
            body.put("extent", Map.of("spatial", Map.of("bbox", List.of(c.extent()), "crs", Crs.CRS84.uri())));
        }
        body.put("crs", Crs.URIS);
        body.put("storageCrs", Crs.CRS84.uri());
        body.put("links", List.of(
                link("self", JSON, href, c.title()),
                link("items", GeoJson.MEDIA_TYPE, href + "/items", "The features, as GeoJSON")));
        return body;
    }

    /** The parameters every request of this kind takes, and those the collection takes of its own. */
    private String[] parameters(FeatureStore.Collection collection, String... common) {
        var names = new ArrayList<>(List.of(common));
        names.addAll(store.parameters(collection.id()));
        return names.toArray(String[]::new);
    }

    private FeatureStore.Collection existing(Context ctx) {
        String id = ctx.pathParam("collectionId");
        return store.collection(id).orElseThrow(() -> ApiError.notFound("Collection " + id));
    }

    private static long featureId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            // not a feature of any collection
        }
        throw ApiError.notFound("Feature " + raw);
    }

    /** Only JSON (GeoJSON for features) is offered; {@code f=json} says so explicitly. */
    private static void json(Context ctx) {
        format(Query.of(ctx, "f"));
    }

    private static void format(Query query) {
        query.text("f", 20).ifPresent(f -> {
            if (!f.equals("json") && !f.equals("geojson")) {
                throw ApiError.invalid("f", "only json is offered, not '" + f + "'");
            }
        });
    }

    /** Absolute hrefs, as clients resolve links against the document they came from. */
    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + BASE;
    }

    private static String pageHref(Context ctx, String items, int offset) {
        var url = new StringBuilder(items).append('?');
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("offset")) {
                values.forEach(value -> url.append(enc(name)).append('=').append(enc(value)).append('&'));
            }
        });
        return url.append("offset=").append(offset).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> link(String rel, String type, String href, String title) {
        var link = new LinkedHashMap<String, String>();
        link.put("rel", rel);
        link.put("type", type);
        link.put("href", href);
        link.put("title", title);
        return link;
    }

    private static String linkJson(String rel, String type, String href) {
        return "{\"rel\":" + Json.write(rel) + ",\"type\":" + Json.write(type) + ",\"href\":" + Json.write(href) + "}";
    }
}
