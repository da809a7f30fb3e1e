package nl.plein.ogc;

import static nl.plein.reports.Markup.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.plein.http.Json;

/**
 * The HTML encoding of OGC API – Features (conformance class html): plain server-rendered pages,
 * styled by the printable report's stylesheet (the Content-Security-Policy allows no inline style).
 * Every value a person wrote (titles, descriptions, comments, area names) and every href passes
 * through {@link nl.plein.reports.Markup#escape}. Links between pages carry {@code f=html}, so they
 * give HTML whatever the Accept header; each page names its JSON form.
 */
final class OgcPages {
    /** Around a table too wide for a phone: it scrolls sideways, and takes focus so keys scroll it too. */
    private static final String WIDE = "<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"Table, scrolls sideways\">";

    private OgcPages() {
    }

    /** A link as a page shows it: where it goes and what it says. */
    record Link(String href, String text) {
    }

    static String landing(String base, String title, String description, String json) {
        var body = new StringBuilder("<p>").append(escape(description)).append("</p><ul>")
                .append(item(base + "/collections?f=html", "Collections"))
                .append(item(base + "/conformance?f=html", "Conformance classes"))
                .append(item(base + "/api?f=json", "API definition (OpenAPI 3.0, JSON)"))
                .append(item(base + "/api.html", "API documentation"))
                .append("</ul>");
        return page(title, List.of(), body.toString(), json);
    }

    static String conformance(String base, List<String> classes, String json) {
        var body = new StringBuilder("<p>The conformance classes of OGC API – Features this server implements.</p><ul>");
        classes.forEach(c -> body.append(item(c, c)));
        body.append("</ul>");
        return page("Conformance", List.of(home(base)), body.toString(), json);
    }

    static String collections(String base, List<FeatureStore.Collection> collections, String json) {
        var body = new StringBuilder(WIDE).append("<table><caption>").append(collections.size())
                .append(collections.size() == 1 ? " collection" : " collections").append("</caption><thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Description</th>")
                .append("<th scope=\"col\">Features</th></tr></thead><tbody>");
        for (var c : collections) {
            String href = base + "/collections/" + c.id();
            body.append("<tr><th scope=\"row\">").append(a(href + "?f=html", c.title())).append("</th><td>")
                    .append(escape(c.description())).append("</td><td>")
                    .append(a(href + "/items?f=html", "Items of " + c.id())).append("</td></tr>");
        }
        body.append("</tbody></table></div>");
        return page("Collections", List.of(home(base)), body.toString(), json);
    }

    static String collection(String base, FeatureStore.Collection c, String json) {
        String href = base + "/collections/" + c.id();
        var body = new StringBuilder("<p>").append(escape(c.description())).append("</p>")
                .append("<p>").append(a(href + "/items?f=html", "The features")).append("</p>")
                .append("<table><caption>About this collection</caption><tbody>")
                .append("<tr><th scope=\"row\">Id</th><td>").append(escape(c.id())).append("</td></tr>")
                .append("<tr><th scope=\"row\">Spatial extent (CRS84: west, south, east, north)</th><td>");
        if (c.extent() == null) {
            body.append("not stated");
        } else {
            body.append(String.format(Locale.ROOT, "%.6f, %.6f, %.6f, %.6f",
                    c.extent()[0], c.extent()[1], c.extent()[2], c.extent()[3]));
        }
        if (c.first() != null) {
            body.append("</td></tr><tr><th scope=\"row\">Temporal extent (first and last creation, UTC)</th><td>")
                    .append(OgcRoutes.instant(c.first())).append(" – ").append(OgcRoutes.instant(c.last()));
        }
        body.append("</td></tr><tr><th scope=\"row\">Storage CRS</th><td>").append(escape(Crs.CRS84.uri()))
                .append("</td></tr></tbody></table>")
                .append("<table><caption>Coordinate reference systems offered (parameter crs)</caption>")
                .append("<thead><tr><th scope=\"col\">CRS</th></tr></thead><tbody>");
        Crs.URIS.forEach(uri -> body.append("<tr><td>").append(escape(uri)).append("</td></tr>"));
        body.append("</tbody></table>");
        return page(c.title(), List.of(home(base), collectionsLink(base)), body.toString(), json);
    }

    /** A page of features: a row per feature, its id linking to the feature and a column per property. */
    static String items(String base, FeatureStore.Collection c, FeatureStore.Page page, int offset,
            Link next, Link prev, String json) {
        List<JsonNode> features = page.features().stream().map(OgcPages::parse).toList();
        Set<String> names = new LinkedHashSet<>();
        features.forEach(f -> f.path("properties").fieldNames().forEachRemaining(names::add));
        String href = base + "/collections/" + c.id();
        var body = new StringBuilder("<p>").append(page.matched())
                .append(page.matched() == 1 ? " feature matches" : " features match").append(" (numberMatched); this page shows ")
                .append(features.size()).append(" (numberReturned)")
                .append(features.isEmpty() ? "" : ", from number " + (offset + 1)).append(".</p>");
        body.append(pager(next, prev));
        body.append(WIDE).append("<table><caption>").append(escape(c.title())).append(": features ")
                .append(features.isEmpty() ? "(none)" : (offset + 1) + " to " + (offset + features.size()))
                .append("</caption><thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Geometry</th>");
        names.forEach(n -> body.append("<th scope=\"col\">").append(escape(n)).append("</th>"));
        body.append("</tr></thead><tbody>");
        for (JsonNode f : features) {
            String id = f.path("id").asText();
            body.append("<tr><th scope=\"row\">").append(a(href + "/items/" + id + "?f=html", id)).append("</th><td>")
                    .append(escape(f.path("geometry").path("type").asText(""))).append("</td>");
            names.forEach(n -> body.append("<td>").append(escape(text(f.path("properties").get(n)))).append("</td>"));
            body.append("</tr>");
        }
        body.append("</tbody></table></div>").append(pager(next, prev));
        return page("Features of " + c.title(), List.of(home(base), collectionsLink(base),
                new Link(href + "?f=html", c.title())), body.toString(), json);
    }

    static String item(String base, FeatureStore.Collection c, String featureJson, String json) {
        JsonNode f = parse(featureJson);
        String href = base + "/collections/" + c.id();
        String id = f.path("id").asText();
        var body = new StringBuilder("<table><caption>Properties of feature ").append(escape(id))
                .append("</caption><tbody><tr><th scope=\"row\">Geometry</th><td>")
                .append(escape(f.path("geometry").path("type").asText(""))).append("</td></tr>");
        f.path("properties").fields().forEachRemaining(p -> body.append("<tr><th scope=\"row\">")
                .append(escape(p.getKey())).append("</th><td>").append(escape(text(p.getValue()))).append("</td></tr>"));
        body.append("</tbody></table>");
        return page("Feature " + id + " of " + c.title(), List.of(home(base), collectionsLink(base),
                new Link(href + "?f=html", c.title()), new Link(href + "/items?f=html", "Features")), body.toString(), json);
    }

    /** The whole document: head with the JSON alternate, a trail of links back, the heading and body. */
    static String page(String title, List<Link> trail, String body, String json) {
        var out = new StringBuilder(4096 + body.length());
        out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" – Plein OGC API Features</title>")
                .append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">")
                .append("<link rel=\"stylesheet\" href=\"/reports/report.css\">")
                .append("<link rel=\"alternate\" type=\"application/json\" href=\"").append(escape(json)).append("\">")
                .append("</head><body>");
        if (!trail.isEmpty()) {
            out.append("<nav class=\"report-nav\" aria-label=\"Up\">");
            trail.forEach(link -> out.append(a(link.href(), link.text())).append(' '));
            out.append("</nav>");
        }
        out.append("<main><h1>").append(escape(title)).append("</h1>").append(body)
                .append("<p class=\"note\">This page as <a rel=\"alternate\" type=\"application/json\" href=\"")
                .append(escape(json)).append("\">JSON</a>.</p></main></body></html>\n");
        return out.toString();
    }

    private static String pager(Link next, Link prev) {
        if (next == null && prev == null) {
            return "";
        }
        var out = new StringBuilder("<p>");
        if (prev != null) {
            out.append("<a rel=\"prev\" href=\"").append(escape(prev.href())).append("\">").append(escape(prev.text())).append("</a> ");
        }
        if (next != null) {
            out.append("<a rel=\"next\" href=\"").append(escape(next.href())).append("\">").append(escape(next.text())).append("</a>");
        }
        return out.append("</p>").toString();
    }

    private static Link home(String base) {
        return new Link(base + "?f=html", "Plein OGC API");
    }

    private static Link collectionsLink(String base) {
        return new Link(base + "/collections?f=html", "Collections");
    }

    private static String item(String href, String text) {
        return "<li>" + a(href, text) + "</li>";
    }

    private static String a(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /** A property as text: strings as they are, lists and objects as JSON, null as nothing. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostGIS wrote a feature that is not JSON", e);
        }
    }
}
