package nl.plein.ogc;

import static nl.plein.ogc.OgcData.enc;
import static nl.plein.ogc.OgcData.href;
import static nl.plein.ogc.OgcData.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.plein.support.Client;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Features Part 1 (Core, GeoJSON, OpenAPI 3.0) at /ogc, over real HTTP on real PostGIS.
 * Each test is named after the requirement of the standard it checks (/req/core/root-success
 * becomes req_core_root_success); the others check Plein's own rules for the collections.
 */
class OgcFeaturesTest extends OgcServer {
    @Test
    void req_core_root_success() {
        var response = anyone.get("/ogc").expect(200);
        assertTrue(response.header("Content-Type").startsWith("application/json"));
        JsonNode links = response.json().get("links");
        assertTrue(href(links, "self").endsWith("/ogc"));
        assertTrue(href(links, "service-desc").endsWith("/ogc/api"));
        assertTrue(href(links, "service-doc").endsWith("/ogc/api.html"));
        assertTrue(href(links, "conformance").endsWith("/ogc/conformance"));
        assertTrue(href(links, "data").endsWith("/ogc/collections"));
        anyone.get("/ogc/api.html").expect(200);
    }

    @Test
    void req_core_conformance_success() {
        var classes = new TreeSet<String>();
        anyone.get("/ogc/conformance").expect(200).json().get("conformsTo").forEach(c -> classes.add(c.asText()));
        assertTrue(classes.containsAll(Set.of(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs")), classes::toString);
    }

    /** The OpenAPI document describes exactly the routes under /ogc, and states limit's default and maximum. */
    @Test
    void req_oas30_oas_impl() {
        var response = anyone.get("/ogc/api").expect(200);
        assertEquals("application/vnd.oai.openapi+json;version=3.0", response.header("Content-Type"));
        JsonNode doc = response.json();
        assertTrue(doc.get("openapi").asText().startsWith("3.0"));
        String prefix = doc.get("servers").get(0).get("url").asText();
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                verb -> documented.add(verb.toUpperCase(Locale.ROOT) + " " + (prefix + path.getKey()).replaceAll("/$", ""))));
        Set<String> routes = new TreeSet<>();
        server.app.unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            if (parsed.endpoint.path.startsWith("/ogc") && parsed.endpoint.method.name().equals("GET")) {
                routes.add("GET " + parsed.endpoint.path);
            }
        });
        assertEquals(routes, documented);
        JsonNode limit = doc.get("components").get("parameters").get("limit").get("schema");
        assertEquals(100, limit.get("default").asInt());
        assertEquals(1000, limit.get("maximum").asInt());
        assertEquals("[\"json\",\"geojson\",\"html\"]",
                doc.get("components").get("parameters").get("f").get("schema").get("enum").toString());
        for (String kind : List.of("json", "features", "feature")) {
            assertNotNull(doc.get("components").get("responses").get(kind).get("content").get("text/html"), kind);
        }
    }

    @Test
    void req_core_fc_md_success() {
        JsonNode body = anyone.get("/ogc/collections").expect(200).json();
        assertNotNull(href(body.get("links"), "self"));
        var ids = new TreeSet<String>();
        for (JsonNode c : body.get("collections")) {
            ids.add(c.get("id").asText());
            assertNotNull(href(c.get("links"), "items"));
        }
        var expected = new TreeSet<String>(Set.of("areas-" + data.setId));
        for (long project : List.of(data.projectId, data.premoderatedId)) {
            for (String kind : List.of("proposals-", "variants-", "comments-", "clusters-", "hotspots-")) {
                expected.add(kind + project);
            }
            expected.add("participation-" + project + "-" + data.setId);
        }
        assertEquals(expected, ids);
    }

    @Test
    void req_core_sfc_md_success() {
        JsonNode c = anyone.get(proposals()).expect(200).json();
        assertEquals("proposals-" + data.projectId, c.get("id").asText());
        assertEquals("feature", c.get("itemType").asText());
        JsonNode bbox = c.get("extent").get("spatial").get("bbox").get(0);
        assertEquals(5.50, bbox.get(0).asDouble(), 1e-9);
        assertEquals(52.51, bbox.get(3).asDouble(), 1e-9);
        assertTrue(href(c.get("links"), "items").endsWith(proposals() + "/items"));
        // The temporal extent: the first and last creation time of the features anyone sees.
        var created = new TreeSet<String>();
        anyone.get(proposals() + "/items?limit=1000").json().get("features").forEach(f -> created.add(
                java.time.OffsetDateTime.parse(f.get("properties").get("createdAt").asText()).toInstant()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
        JsonNode temporal = c.get("extent").get("temporal");
        assertEquals(List.of(created.first(), created.last()), List.of(temporal.get("interval").get(0).get(0).asText(),
                temporal.get("interval").get(0).get(1).asText()), c::toString);
        assertEquals("http://www.opengis.net/def/uom/ISO-8601/0/Gregorian", temporal.get("trs").asText());
        JsonNode variants = anyone.get("/ogc/collections/variants-" + data.projectId).expect(200).json();
        JsonNode interval = variants.get("extent").get("temporal").get("interval").get(0);
        assertEquals(interval.get(0), interval.get(1), "one visible variant: " + variants);
        // Nothing public yet, or no time of its own: no temporal extent.
        assertFalse(anyone.get("/ogc/collections/proposals-" + data.premoderatedId).json().path("extent").has("temporal"));
        assertFalse(anyone.get("/ogc/collections/areas-" + data.setId).json().get("extent").has("temporal"));
        anyone.get("/ogc/collections/proposals-999999").expect(404);
        anyone.get("/ogc/collections/projects-1").expect(404);
    }

    @Test
    void req_core_fc_response() {
        var response = anyone.get(proposals() + "/items").expect(200);
        assertEquals("application/geo+json", response.header("Content-Type").split(";")[0]);
        JsonNode body = response.json();
        assertEquals("FeatureCollection", body.get("type").asText());
        assertEquals(data.publicIds, ids(body));
        assertNotNull(body.get("timeStamp"));
        assertTrue(href(body.get("links"), "self").contains(proposals() + "/items"));
        JsonNode first = body.get("features").get(0);
        assertEquals("Point", first.get("geometry").get("type").asText());
        assertEquals("Bankje 0", first.get("properties").get("title").asText());
    }

    /** Hidden, withdrawn and unpublished proposals never appear, listed or asked for by id. */
    @Test
    void onlyPublicProposalsAreServed() {
        for (String path : List.of(proposals() + "/items?limit=1000",
                "/ogc/collections/proposals-" + data.premoderatedId + "/items")) {
            String body = anyone.get(path).expect(200).body();
            assertFalse(body.contains(OgcData.SECRET), body);
        }
        assertEquals(0, anyone.get("/ogc/collections/proposals-" + data.premoderatedId + "/items").json()
                .get("numberMatched").asInt());
        for (long id : List.of(data.hiddenId, data.withdrawnId)) {
            anyone.get(proposals() + "/items/" + id).expect(404);
        }
        anyone.get("/ogc/collections/proposals-" + data.premoderatedId + "/items/" + data.unpublishedId).expect(404);
    }

    /** The resources the HTML tests walk: every kind of page Part 1 defines. */
    private static List<String> pages() {
        return List.of("/ogc", "/ogc/conformance", "/ogc/collections", proposals(), proposals() + "/items",
                proposals() + "/items/" + data.publicIds.get(2));
    }

    private static Client.Response accepting(String path, String accept) {
        var request = java.net.http.HttpRequest.newBuilder(anyone.uri(path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return anyone.send(request);
    }

    private static String local(String href) {
        return href.replaceFirst("^https?://[^/]+", "");
    }

    /** The href of the page's {@code <link rel="alternate" type="application/json">}, or null. */
    private static String jsonAlternate(String html) {
        var matcher = Pattern.compile("<link rel=\"alternate\" type=\"application/json\" href=\"([^\"]+)\">").matcher(html);
        return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
    }

    /** f=html gives an HTML5 page in English, titled, that names its JSON form in its head and in its text. */
    @Test
    void req_html_definition() {
        for (String path : pages()) {
            var response = anyone.get(path + "?f=html").expect(200);
            assertEquals("text/html;charset=utf-8", response.header("Content-Type").toLowerCase(Locale.ROOT).replace(" ", ""), path);
            String html = response.body();
            assertTrue(html.startsWith("<!doctype html>\n<html lang=\"en\">"), path);
            assertTrue(html.contains("<meta name=\"viewport\""), path);
            assertTrue(Pattern.compile("<title>[^<]+</title>").matcher(html).find(), path);
            assertTrue(html.contains("<h1>"), path);
            assertTrue(html.contains("<a rel=\"alternate\" type=\"application/json\""), path);
            String json = jsonAlternate(html);
            assertNotNull(json, path);
            assertTrue(local(json).startsWith(path + "?"), json);
            var alternate = anyone.get(local(json)).expect(200);
            assertTrue(alternate.header("Content-Type").matches("application/(geo\\+)?json.*"), json);
            alternate.json();
        }
    }

    /** Every JSON answer links to its HTML form, and that link gives HTML. */
    @Test
    void req_html_content_alternate_links_from_json() {
        for (String path : pages()) {
            JsonNode links = anyone.get(path).expect(200).json().get("links");
            String html = null;
            for (JsonNode link : links) {
                if (link.get("rel").asText().equals("alternate") && link.get("type").asText().equals("text/html")) {
                    html = link.get("href").asText();
                }
            }
            assertNotNull(html, path + " has an alternate link to HTML: " + links);
            var page = anyone.get(local(html)).expect(200);
            assertTrue(page.header("Content-Type").startsWith("text/html"), html);
        }
        for (JsonNode c : anyone.get("/ogc/collections").json().get("collections")) {
            assertNotNull(href(c.get("links"), "alternate"), c::toString);
        }
        assertTrue(anyone.get("/ogc/api").expect(200).header("Link").contains("/ogc/api.html>; rel=\"alternate\""));
    }

    /** Without f, a browser's Accept gets HTML; GDAL's, curl's, a tie and no Accept at all stay JSON. */
    @Test
    void htmlOnlyWhenTheAcceptHeaderPrefersIt() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
        String items = proposals() + "/items";
        for (String path : pages()) {
            var page = accepting(path, browser).expect(200);
            assertTrue(page.header("Content-Type").startsWith("text/html"), path);
            assertEquals("Accept", page.header("Vary"), path);
        }
        for (String accept : java.util.Arrays.asList("application/geo+json, application/json", "application/json",
                "application/geo+json", "*/*", "text/html, application/json", "text/html;q=0.5, */*", null)) {
            for (String path : pages()) {
                var response = accepting(path, accept).expect(200);
                assertTrue(response.header("Content-Type").startsWith(path.startsWith(items) ? "application/geo+json"
                        : "application/json"), path + " with Accept " + accept);
                response.json();
            }
        }
        // f wins over Accept, both ways.
        assertTrue(accepting(items + "?f=json", browser).header("Content-Type").startsWith("application/geo+json"));
        assertTrue(accepting(items + "?f=html", "application/json").header("Content-Type").startsWith("text/html"));
        anyone.get(items + "?f=xml").expect(400);
        anyone.get("/ogc/conformance?f=pdf").expect(400);
    }

    /** An HTML page of items shows numberMatched and numberReturned, and pages on with every parameter kept. */
    @Test
    void htmlItemsPageThroughKeepingEveryParameter() {
        String html = anyone.get(proposals() + "/items?limit=2&bbox=5.5,52.5,5.51,52.51&f=html").expect(200).body();
        assertTrue(html.contains(OgcData.PUBLIC_PROPOSALS + " features match (numberMatched); this page shows 2 (numberReturned)"),
                html);
        assertTrue(html.contains(">Bankje 0</td>") && html.contains(">Bankje 1</td>") && !html.contains("Bankje 2"), html);
        assertTrue(html.contains("href=\"" + server.baseUrl + proposals()
                + "/items/" + data.publicIds.get(0) + "?f=html\""), html);
        var next = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\"").matcher(html);
        assertTrue(next.find(), html);
        String nextHref = next.group(1).replace("&amp;", "&");
        for (String kept : List.of("limit=2", "bbox=5.5%2C52.5%2C5.51%2C52.51", "f=html", "offset=2")) {
            assertTrue(nextHref.contains(kept), nextHref);
        }
        String second = anyone.get(local(nextHref)).expect(200).body();
        assertTrue(second.contains(">Bankje 2</td>") && second.contains("rel=\"prev\""), second);
        String last = anyone.get(proposals() + "/items?limit=2&offset=6&f=html").body();
        assertFalse(last.contains("rel=\"next\""), last);
        // The JSON alternate of an HTML page of items is the same page.
        String json = jsonAlternate(last);
        JsonNode page = anyone.get(local(json)).expect(200).json();
        assertEquals(List.of(data.publicIds.get(6)), ids(page));
        assertNull(href(page.get("links"), "next"));
    }

    @Test
    void htmlCollectionShowsExtentCrsAndItemsLink() {
        String html = anyone.get(proposals() + "?f=html").expect(200).body();
        assertTrue(html.contains("<h1>Proposals: Park</h1>"), html);
        assertTrue(html.contains("5.500000, 52.500000, 5.510000, 52.510000"), html);
        assertTrue(html.contains("http://www.opengis.net/def/crs/EPSG/0/28992"), html);
        assertTrue(html.contains(proposals() + "/items?f=html\">The features</a>"), html);
        String item = anyone.get(proposals() + "/items/" + data.publicIds.get(3) + "?f=html").expect(200).body();
        assertTrue(item.contains("<th scope=\"row\">title</th><td>Bankje 3</td>"), item);
        anyone.get(proposals() + "/items/999999?f=html").expect(404);
        String collections = anyone.get("/ogc/collections?f=html").expect(200).body();
        assertTrue(collections.contains("<caption>"), collections);
        assertTrue(collections.contains(proposals() + "/items?f=html\""), collections);
    }

    @Test
    void req_core_fc_limit_response() {
        JsonNode page = anyone.get(proposals() + "/items?limit=3").expect(200).json();
        assertEquals(3, page.get("numberReturned").asInt());
        assertEquals(3, page.get("features").size());
    }

    @Test
    void req_core_fc_limit_definition() {
        anyone.get(proposals() + "/items?limit=0").expect(400);
        anyone.get(proposals() + "/items?limit=1001").expect(400);
        anyone.get(proposals() + "/items?limit=many").expect(400);
        assertEquals(OgcData.PUBLIC_PROPOSALS, anyone.get(proposals() + "/items?limit=1000").json()
                .get("numberReturned").asInt());
    }

    /** numberMatched and numberReturned, and next/prev links that walk every feature once. */
    @Test
    void req_core_fc_response_paging() {
        var seen = new ArrayList<Long>();
        String next = proposals() + "/items?limit=3";
        int pages = 0;
        while (next != null) {
            JsonNode page = anyone.get(next.replaceFirst("^https?://[^/]+", "")).expect(200).json();
            assertEquals(OgcData.PUBLIC_PROPOSALS, page.get("numberMatched").asInt());
            assertEquals(page.get("features").size(), page.get("numberReturned").asInt());
            assertEquals(pages == 0, href(page.get("links"), "prev") == null);
            seen.addAll(ids(page));
            next = href(page.get("links"), "next");
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(data.publicIds, seen);
    }

    @Test
    void req_core_fc_bbox_response() {
        // The proposals lie at lon 5.5005 + 0.001·i: this box holds i = 1, 2, 3.
        JsonNode page = anyone.get(proposals() + "/items?bbox=5.501,52.50,5.504,52.51").expect(200).json();
        assertEquals(data.publicIds.subList(1, 4), ids(page));
        assertEquals(3, page.get("numberMatched").asInt());
    }

    @Test
    void req_core_fc_bbox_definition() {
        for (String bad : List.of("1,2,3", "5.5,52.5,5.4,52.6", "a,b,c,d", "5,52,6,53,0,1", "5,-91,6,53")) {
            anyone.get(proposals() + "/items?bbox=" + bad).expect(400);
        }
    }

    @Test
    void req_core_fc_time_response() {
        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        for (String all : List.of("2000-01-01/..", "../2999-12-31", "2000-01-01T00:00:00Z/2999-01-01T00:00:00Z")) {
            assertEquals(OgcData.PUBLIC_PROPOSALS, anyone.get(proposals() + "/items?datetime=" + enc(all))
                    .expect(200).json().get("numberMatched").asInt(), all);
        }
        for (String none : List.of("../2000-01-01", "2999-01-01/..", "2000-01-01T00:00:00Z")) {
            assertEquals(0, anyone.get(proposals() + "/items?datetime=" + enc(none))
                    .expect(200).json().get("numberMatched").asInt(), none);
        }
        // A date as an instant is the whole day; the server may be a moment past midnight, so also try yesterday.
        String yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        int matched = anyone.get(proposals() + "/items?datetime=" + yesterday + "/" + today).json()
                .get("numberMatched").asInt();
        assertEquals(OgcData.PUBLIC_PROPOSALS, matched);
    }

    @Test
    void req_core_fc_time_definition() {
        for (String bad : List.of("yesterday", "2026-13-01", "2026-03-01/2026-02-01", "a/b/c")) {
            anyone.get(proposals() + "/items?datetime=" + enc(bad)).expect(400);
        }
    }

    @Test
    void req_core_query_param_unknown() {
        JsonNode problem = anyone.get(proposals() + "/items?colour=red").expect(400).json();
        assertEquals(400, problem.get("status").asInt());
        anyone.get("/ogc/collections?bbox=1,2,3,4").expect(400);
        anyone.get("/ogc?f=xml").expect(400);
        anyone.get(proposals() + "/items?f=json").expect(200);
    }

    @Test
    void req_core_f_success() {
        long id = data.publicIds.get(2);
        var response = anyone.get(proposals() + "/items/" + id).expect(200);
        assertEquals("application/geo+json", response.header("Content-Type").split(";")[0]);
        JsonNode feature = response.json();
        assertEquals("Feature", feature.get("type").asText());
        assertEquals(id, feature.get("id").asLong());
        assertTrue(href(feature.get("links"), "self").endsWith(proposals() + "/items/" + id));
        assertNotNull(href(feature.get("links"), "collection"));
        anyone.get(proposals() + "/items/999999").expect(404);
        anyone.get(proposals() + "/items/abc").expect(404);
    }

    @Test
    void areasOfABoundarySetAreACollection() {
        JsonNode page = anyone.get("/ogc/collections/areas-" + data.setId + "/items").expect(200).json();
        assertEquals(2, page.get("numberMatched").asInt());
        assertEquals("West", page.get("features").get(0).get("properties").get("name").asText());
        assertEquals("MultiPolygon", page.get("features").get(0).get("geometry").get("type").asText());
        JsonNode east = anyone.get("/ogc/collections/areas-" + data.setId + "/items?bbox=5.507,52.50,5.509,52.51")
                .expect(200).json();
        assertEquals(1, east.get("numberMatched").asInt());
        assertEquals("BU0002", east.get("features").get(0).get("properties").get("code").asText());
    }

    /** Variants and pinned comments of public proposals, unless hidden; comments without a drawing are not features. */
    @Test
    void variantsAndPinnedCommentsAreCollections() {
        JsonNode variants = anyone.get("/ogc/collections/variants-" + data.projectId + "/items").expect(200).json();
        assertEquals(List.of(data.variantId), ids(variants));
        assertEquals(data.publicIds.get(0), variants.get("features").get(0).get("properties").get("proposalId").asLong());
        JsonNode comments = anyone.get("/ogc/collections/comments-" + data.projectId + "/items").expect(200).json();
        assertEquals(List.of(data.pinnedId), ids(comments));
        assertEquals("Hier staat een boom", comments.get("features").get(0).get("properties").get("body").asText());
        for (JsonNode page : List.of(variants, comments)) {
            assertFalse(page.toString().contains(OgcData.SECRET), page::toString);
            assertFalse(page.toString().contains("bram"), "no author: " + page);
        }
        anyone.get("/ogc/collections/comments-" + data.projectId + "/items/" + data.pinnedId).expect(200);
    }

    /** Participation per area carries exactly the figures of the public export, small counts suppressed. */
    @Test
    void participationPerAreaIsThePublicExport() {
        String id = "participation-" + data.projectId + "-" + data.setId;
        JsonNode page = anyone.get("/ogc/collections/" + id + "/items").expect(200).json();
        JsonNode export = anyone.get("/api/projects/" + data.projectId + "/participation.geojson?set=" + data.setId)
                .expect(200).json();
        assertEquals(2, page.get("numberMatched").asInt());
        var exported = new java.util.TreeMap<Long, JsonNode>();
        export.get("features").forEach(f -> exported.put(f.get("id").asLong(), f.get("properties")));
        var served = new java.util.TreeMap<Long, JsonNode>();
        page.get("features").forEach(f -> served.put(f.get("id").asLong(), f.get("properties")));
        assertEquals(exported, served);
        // Two residents take part: far below the threshold, so no area shows a count.
        assertFalse(page.get("features").get(0).get("properties").get("participants").isNumber(), page::toString);
        anyone.get("/ogc/collections/participation-" + data.projectId + "-999999/items").expect(404);
        anyone.get("/ogc/collections/participation-" + data.projectId + "/items").expect(404);
    }
}
