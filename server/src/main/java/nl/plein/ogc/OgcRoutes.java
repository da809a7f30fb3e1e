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
import nl.plein.reports.Markup;

/** OGC API – Features at {@code /ogc}: landing page, conformance, collections and their items. */
public final class OgcRoutes {
    public static final String BASE = "/ogc";
    static final String JSON = "application/json";
    static final String HTML = "text/html";
    private static final String TITLE = "Plein";
    private static final String DESCRIPTION = "Public proposals, variants, pinned comments, clusters, hot spots, areas"
            + " and participation of Plein's co-design projects, as OGC API – Features.";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
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
        String base = base(ctx);
        if (format(ctx, Query.of(ctx, "f")) == Format.HTML) {
            html(ctx, OgcPages.landing(base, TITLE, DESCRIPTION, alternate(ctx, "json")));
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("title", TITLE);
        body.put("description", DESCRIPTION);
        body.put("links", List.of(
                link("self", JSON, base, "This document"),
                link("alternate", HTML, alternate(ctx, "html"), "This document as HTML"),
                link("service-desc", OPENAPI, base + "/api", "The API definition (OpenAPI 3.0)"),
                link("service-doc", HTML, base + "/api.html", "The API documentation"),
                link("conformance", JSON, base + "/conformance", "Conformance classes implemented"),
                link("data", JSON, base + "/collections", "The feature collections")));
        ctx.json(body);
    }

    public void conformance(Context ctx) {
        if (format(ctx, Query.of(ctx, "f")) == Format.HTML) {
            html(ctx, OgcPages.conformance(base(ctx), CONFORMANCE, alternate(ctx, "json")));
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("conformsTo", CONFORMANCE);
        body.put("links", List.of(link("self", JSON, base(ctx) + "/conformance", "This document"),
                link("alternate", HTML, alternate(ctx, "html"), "This document as HTML")));
        ctx.json(body);
    }

    /** The OpenAPI definition; as HTML, the documentation page. */
    public void openapi(Context ctx) {
        if (format(ctx, Query.of(ctx, "f")) == Format.HTML) {
            documentationPage(ctx);
            return;
        }
        ctx.header("Link", "<" + base(ctx) + "/api.html>; rel=\"alternate\"; type=\"text/html\"");
        GeoJson.send(ctx, OPENAPI, openapi);
    }

    /** A human-readable page for the {@code service-doc} link: what is here and where it is described. */
    public void documentation(Context ctx) {
        Query.of(ctx);
        documentationPage(ctx);
    }

    private void documentationPage(Context ctx) {
        String base = base(ctx);
        html(ctx, OgcPages.page("Plein – OGC API Features", List.of(new OgcPages.Link(base + "?f=html", "Plein OGC API")), """
                <p>Per project its public proposals (<code>proposals-{projectId}</code>), their variants
                (<code>variants-{projectId}</code>), the comments pinned to the map (<code>comments-{projectId}</code>),
                where the proposals cluster (<code>clusters-{projectId}</code>, DBSCAN; the parameters <code>eps</code>
                and <code>minPoints</code> shape it) and their hot and cold spots (<code>hotspots-{projectId}</code>,
                Getis–Ord Gi* over hexagons whose edge the parameter <code>size</code> sets; in both,
                <code>locations=once</code> counts proposals that share one location once); per boundary set its areas
                (<code>areas-{setId}</code>); and per project and boundary set who took part per area
                (<code>participation-{projectId}-{setId}</code>). Counts of people and proposals follow the small-count
                rule. Readable by GIS clients such as QGIS and GDAL.</p>
                <p>Every page answers in JSON (GeoJSON for features) or in HTML: the parameter <code>f</code> picks
                <code>json</code>, <code>geojson</code> or <code>html</code>; without it a browser, whose Accept header
                prefers <code>text/html</code>, gets HTML and every other client JSON.</p>
                <ul><li><a href="%1$s/collections?f=html">Collections</a></li><li><a href="%1$s/conformance?f=html">Conformance</a></li>
                <li><a href="%1$s/api?f=json">API definition (OpenAPI 3.0)</a></li></ul>
                """.formatted(Markup.escape(base)), base + "/api?f=json"));
    }

    public void collections(Context ctx) {
        String base = base(ctx);
        var format = format(ctx, Query.of(ctx, "f"));
        var collections = store.collections();
        if (format == Format.HTML) {
            html(ctx, OgcPages.collections(base, collections, alternate(ctx, "json")));
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("links", List.of(link("self", JSON, base + "/collections", "The feature collections"),
                link("alternate", HTML, alternate(ctx, "html"), "The feature collections as HTML")));
        // Part 2's global list: every collection offers all of these, and lists them again itself.
        body.put("crs", Crs.URIS);
        body.put("collections", collections.stream().map(c -> describe(base, c)).toList());
        ctx.json(body);
    }

    public void collection(Context ctx) {
        var format = format(ctx, Query.of(ctx, "f"));
        var collection = existing(ctx);
        if (format == Format.HTML) {
            html(ctx, OgcPages.collection(base(ctx), collection, alternate(ctx, "json")));
            return;
        }
        ctx.json(describe(base(ctx), collection));
    }

    public void items(Context ctx) {
        var collection = existing(ctx);
        var query = Query.of(ctx, parameters(collection, ItemsRequest.PARAMETERS));
        var format = format(ctx, query);
        var request = ItemsRequest.of(query);
        var page = store.items(collection.id(), request, null, query);
        String items = base(ctx) + "/collections/" + collection.id() + "/items";
        boolean more = request.offset() + page.features().size() < page.matched();
        boolean back = request.offset() > 0;
        int nextOffset = request.offset() + request.limit();
        int prevOffset = Math.max(0, request.offset() - request.limit());
        ctx.header("Content-Crs", "<" + request.crs().uri() + ">");
        if (format == Format.HTML) {
            html(ctx, OgcPages.items(base(ctx), collection, page, request.offset(),
                    more ? new OgcPages.Link(pageHref(ctx, items, nextOffset, "html"), "Next page") : null,
                    back ? new OgcPages.Link(pageHref(ctx, items, prevOffset, "html"), "Previous page") : null,
                    alternate(ctx, "json")));
            return;
        }
        var links = new ArrayList<String>();
        links.add(linkJson("self", GeoJson.MEDIA_TYPE, pageHref(ctx, items, request.offset(), null)));
        links.add(linkJson("alternate", HTML, alternate(ctx, "html")));
        links.add(linkJson("collection", JSON, base(ctx) + "/collections/" + collection.id()));
        if (more) {
            links.add(linkJson("next", GeoJson.MEDIA_TYPE, pageHref(ctx, items, nextOffset, null)));
        }
        if (back) {
            links.add(linkJson("prev", GeoJson.MEDIA_TYPE, pageHref(ctx, items, prevOffset, null)));
        }
        var out = new StringBuilder(256 + page.features().stream().mapToInt(String::length).sum());
        out.append("{\"type\":\"FeatureCollection\",\"timeStamp\":")
                .append(Json.write(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))
                .append(",\"numberMatched\":").append(page.matched())
                .append(",\"numberReturned\":").append(page.features().size())
                .append(",\"features\":[").append(String.join(",", page.features()))
                .append("],\"links\":[").append(String.join(",", links)).append("]}");
        GeoJson.send(ctx, GeoJson.MEDIA_TYPE, out.toString());
    }

    public void item(Context ctx) {
        var collection = existing(ctx);
        var query = Query.of(ctx, parameters(collection, "f", "crs"));
        var format = format(ctx, query);
        long featureId = featureId(ctx.pathParam("featureId"));
        var request = new ItemsRequest(null, Crs.CRS84, null, null, Crs.parse("crs", query.text("crs", 100)), 1, 0);
        var page = store.items(collection.id(), request, featureId, query);
        if (page.features().isEmpty()) {
            throw ApiError.notFound("Feature " + featureId + " in collection " + collection.id());
        }
        String href = base(ctx) + "/collections/" + collection.id();
        String feature = page.features().get(0);
        ctx.header("Content-Crs", "<" + request.crs().uri() + ">");
        if (format == Format.HTML) {
            html(ctx, OgcPages.item(base(ctx), collection, feature, alternate(ctx, "json")));
            return;
        }
        String links = "[" + linkJson("self", GeoJson.MEDIA_TYPE, href + "/items/" + featureId) + ","
                + linkJson("alternate", HTML, alternate(ctx, "html")) + ","
                + linkJson("collection", JSON, href) + "]";
        GeoJson.send(ctx, GeoJson.MEDIA_TYPE, feature.substring(0, feature.length() - 1) + ",\"links\":" + links + "}");
    }

    private Map<String, Object> describe(String base, FeatureStore.Collection c) {
        String href = base + "/collections/" + c.id();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", c.id());
        body.put("title", c.title());
        body.put("description", c.description());
        body.put("itemType", "feature");
        var extent = new LinkedHashMap<String, Object>();
        if (c.extent() != null) {
            extent.put("spatial", Map.of("bbox", List.of(c.extent()), "crs", Crs.CRS84.uri()));
        }
        if (c.first() != null) {
            extent.put("temporal", Map.of("interval", List.of(List.of(instant(c.first()), instant(c.last()))),
                    "trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
        }
        if (!extent.isEmpty()) {
            body.put("extent", extent);
        }
        body.put("crs", Crs.URIS);
        body.put("storageCrs", Crs.CRS84.uri());
        body.put("links", List.of(
                link("self", JSON, href, c.title()),
                link("alternate", HTML, href + "?f=html", c.title() + ", as HTML"),
                link("items", GeoJson.MEDIA_TYPE, href + "/items", "The features, as GeoJSON")));
        return body;
    }

    /** The parameters every request of this kind takes, and those the collection takes of its own. */
    private String[] parameters(FeatureStore.Collection collection, String... common) {
        var names = new ArrayList<>(List.of(common));
        names.addAll(store.parameters(collection.id()));
        return names.toArray(String[]::new);
    }

    /** An RFC 3339 time in UTC, to the second, as the temporal extent states it. */
    static String instant(java.time.OffsetDateTime time) {
        return time.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
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

    /** The encoding asked for; the answer varies with the Accept header, so caches must key on it. */
    private static Format format(Context ctx, Query query) {
        ctx.header("Vary", "Accept");
        return Format.of(ctx, query);
    }

    private static void html(Context ctx, String page) {
        GeoJson.send(ctx, HTML + "; charset=utf-8", page);
    }

    /** Absolute hrefs, as clients resolve links against the document they came from. */
    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + BASE;
    }

    /** A page of items: every query parameter kept but {@code offset}, and {@code f} when given. */
    private static String pageHref(Context ctx, String items, int offset, String format) {
        var replaced = new LinkedHashMap<String, String>();
        replaced.put("offset", Integer.toString(offset));
        if (format != null) {
            replaced.put("f", format);
        }
        return withParameters(ctx, items, replaced);
    }

    /** This very request in another encoding: the same path and parameters, {@code f} set. */
    private static String alternate(Context ctx, String format) {
        return withParameters(ctx, ctx.scheme() + "://" + ctx.host() + ctx.path(), Map.of("f", format));
    }

    private static String withParameters(Context ctx, String url, Map<String, String> replaced) {
        var out = new StringBuilder(url);
        ctx.queryParamMap().forEach((name, values) -> {
            if (!replaced.containsKey(name)) {
                values.forEach(value -> out.append(out.indexOf("?") < 0 ? '?' : '&')
                        .append(enc(name)).append('=').append(enc(value)));
            }
        });
        replaced.forEach((name, value) -> out.append(out.indexOf("?") < 0 ? '?' : '&')
                .append(enc(name)).append('=').append(enc(value)));
        return out.toString();
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
