package nl.plein.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.plein.http.Json;
import nl.plein.projects.Language;
import nl.plein.proposals.Status;
import nl.plein.reports.MapDrawing.Bbox;
import nl.plein.reports.MapDrawing.ChosenLayer;
import nl.plein.reports.MapDrawing.ClustersLayer;
import nl.plein.reports.MapDrawing.HotspotsLayer;
import nl.plein.reports.MapDrawing.Layers;
import nl.plein.reports.MapDrawing.ParticipationLayer;
import nl.plein.reports.MapDrawing.ProposalsLayer;
import nl.plein.reports.MapDrawing.Request;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Maps drawn by PostGIS as SVG over the named fixture "Marktplein": each drawing is well-formed XML
 * (read back with the JDK's parser), has a viewBox that keeps the view's aspect, an accessible name
 * and description, a legend and a scale bar, the expected number of shapes in each layer, and every
 * coordinate inside the map.
 */
class MapDrawingTest {
    static TestServer server;
    static ReportFixture fixture;
    static MapDrawing drawing;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixture = ReportFixture.create(server);
        drawing = ReportFixture.mapDrawing(server.dataSource);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Layers layers(Long boundaries, ParticipationLayer participation, ClustersLayer clusters,
            ProposalsLayer proposals, ChosenLayer chosen, HotspotsLayer hotspots) {
        return new Layers(true, boundaries, participation, clusters, proposals, chosen, hotspots);
    }

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The paths and markers directly in the layer's group. */
    private static int shapes(Document doc, String layer) {
        var groups = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            var g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("layer-" + layer)) {
                int n = 0;
                for (var child = g.getFirstChild(); child != null; child = child.getNextSibling()) {
                    n += child instanceof Element e && (e.getLocalName().equals("path")
                            || e.getLocalName().equals("circle")) ? 1 : 0;
                }
                return n;
            }
        }
        return -1;
    }

    private static int legendRows(Document doc) {
        var groups = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            var g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("legend")) {
                return g.getElementsByTagNameNS("*", "text").getLength();
            }
        }
        return -1;
    }

    private static double[] viewBox(Document doc) {
        String[] parts = doc.getDocumentElement().getAttribute("viewBox").split(" ");
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            box[i] = Double.parseDouble(parts[i]);
        }
        return box;
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** Every coordinate of the map's shapes (path data and markers of the layers), as x, y pairs. */
    private static List<double[]> coordinates(Document doc) {
        var out = new ArrayList<double[]>();
        var groups = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            var g = (Element) groups.item(i);
            if (!g.getAttribute("class").startsWith("layer-")) {
                continue;
            }
            for (var child = g.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e && e.getLocalName().equals("path")) {
                    var numbers = NUMBER.matcher(e.getAttribute("d")).results()
                            .map(m -> Double.parseDouble(m.group())).toList();
                    assertEquals(0, numbers.size() % 2, "path data in x y pairs (absolute): " + e.getAttribute("d"));
                    for (int k = 0; k < numbers.size(); k += 2) {
                        out.add(new double[] {numbers.get(k), numbers.get(k + 1)});
                    }
                } else if (child instanceof Element e && e.getLocalName().equals("circle")) {
                    out.add(new double[] {Double.parseDouble(e.getAttribute("cx")), Double.parseDouble(e.getAttribute("cy"))});
                }
            }
        }
        return out;
    }

    private static void assertInside(MapDrawing.Drawing d, Document doc) {
        var coordinates = coordinates(doc);
        assertFalse(coordinates.isEmpty());
        for (double[] xy : coordinates) {
            assertTrue(xy[0] >= 0 && xy[0] <= d.width() && xy[1] >= 0 && xy[1] <= d.mapHeight(),
                    () -> "(" + xy[0] + ", " + xy[1] + ") lies outside the map of " + d.width() + " × " + d.mapHeight());
        }
    }

    @Test
    void proposalsByStatusAreOnePathOrMarkerEachWithALegendRowPerStatus() throws Exception {
        var d = drawing.draw(new Request(fixture.projectId, null, layers(null, null, null,
                new ProposalsLayer(MapDrawing.PUBLIC_STATUSES), null, null), "m1", "map.proposals"));
        for (Language language : Language.values()) {
            String svg = MapSvg.svg(d, language);
            Document doc = parse(svg);
            var root = doc.getDocumentElement();
            assertEquals("svg", root.getLocalName());
            assertEquals("img", root.getAttribute("role"));
            assertEquals("m1-title m1-desc", root.getAttribute("aria-labelledby"));
            assertTrue(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent().contains(ReportFixture.TITLE));
            assertTrue(doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent()
                    .contains(String.valueOf(ReportFixture.VISIBLE_PROPOSALS)));
            assertEquals(ReportFixture.VISIBLE_PROPOSALS, shapes(doc, "proposals"), "hidden and withdrawn left out");
            assertEquals(1, shapes(doc, "outline"));
            assertEquals(1 + 5, legendRows(doc), "a legend row for the outline and each of five statuses");
            assertTrue(svg.contains("class=\"scale-bar\"") && svg.contains("class=\"north-arrow\""));
            assertInside(d, doc);
        }
        String svg = MapSvg.svg(d, Language.EN);
        assertEquals(ReportFixture.VISIBLE_POINTS, count(svg, "<circle cx=\"[^\"]+\" cy=\"[^\"]+\" r=\"5\""));
        assertEquals(1, count(svg, "data-status=\"accepted\""), "the playground");
        assertEquals(1, count(svg, "data-status=\"under_consideration\""), "the cycle route");
        assertTrue(MapSvg.svg(d, Language.NL).contains("In behandeling"));
        assertTrue(svg.contains("Under consideration"));

        // The viewBox keeps the aspect of the view: the envelope of the area in the metric CRS, about
        // 720 m wide and 1,140 m tall (the area's 680 m × 1,110 m turned a little off grid north).
        double[] box = viewBox(parse(svg));
        assertEquals(0, box[0]);
        double aspect = (d.mapHeight() - 2 * MapDrawing.PAD) / (d.width() - 2 * MapDrawing.PAD);
        double expected = nl.plein.db.Sql.read(server.dataSource, c -> nl.plein.db.Sql.one(c, """
                SELECT (ST_YMax(e) - ST_YMin(e)) / (ST_XMax(e) - ST_XMin(e))
                  FROM (SELECT ST_Envelope(ST_Transform(area, project_metric_srid(id))) AS e FROM projects WHERE id = ?) q""",
                rs -> rs.getDouble(1), fixture.projectId)).orElseThrow();
        assertEquals(expected, aspect, 0.005);
        assertEquals(1.58, aspect, 0.05);
        assertEquals(d.width() + MapSvg.LEGEND_WIDTH, box[2], 0.1, "the legend to the right of the map");
        assertEquals(d.mapHeight(), box[3], 0.1);
    }

    @Test
    void boundariesAndTheChoroplethHatchHiddenAreas() throws Exception {
        var d = drawing.draw(new Request(fixture.projectId, null, layers(fixture.setId,
                new ParticipationLayer(fixture.setId), null, null, null, null), "m2", "map.participation"));
        String svg = MapSvg.svg(d, Language.NL);
        Document doc = parse(svg);
        assertEquals(4, shapes(doc, "boundaries"));
        assertEquals(4, shapes(doc, "participation"));
        assertEquals(2, count(svg, "<path d=\"[^\"]+\" fill-rule=\"evenodd\" fill=\"url\\(#m2-hatch\\)\""), "the small count and the one that gives it away");
        assertTrue(svg.contains("Verborgen (klein aantal)"));
        // Two rates are shown (Zuidoost's 0 and Noordwest's 10; the others are hidden): two classes.
        assertTrue(svg.contains(">0 per 1.000 inwoners</text>"), "classes in the legend, Dutch number style");
        assertTrue(svg.contains(">meer dan 0 tot en met 10 per 1.000 inwoners</text>"));
        assertInside(d, doc);
    }

    @Test
    void clustersAreNumberedOutlinesAndChosenProposalsShowTheirVariants() throws Exception {
        var d = drawing.draw(new Request(fixture.projectId, null, layers(null, null, new ClustersLayer(100, 5), null,
                new ChosenLayer(List.of(fixture.playgroundId), true), null), "m3", "map.clusters"));
        String svg = MapSvg.svg(d, Language.EN);
        Document doc = parse(svg);
        assertEquals(1, shapes(doc, "clusters"));
        assertEquals(1, count(svg, "class=\"cluster-label\""));
        assertEquals(2, shapes(doc, "chosen"), "the playground and its variant");
        assertTrue(svg.contains(">Speeltuin met bankjes</text>"));
        assertInside(d, doc);
    }

    @Test
    void hotspotHexagonsAreTheProjectsHexagons() throws Exception {
        var d = drawing.draw(new Request(fixture.projectId, null, layers(null, null, null, null, null,
                new HotspotsLayer(100)), "m4", "map.proposals"));
        Document doc = parse(MapSvg.svg(d, Language.EN));
        int hexagons = Json.parse(server.anonymous().get("/api/projects/" + fixture.projectId
                + "/analysis/hexbins?size=100").expect(200).body().getBytes(StandardCharsets.UTF_8))
                .get("features").size();
        assertTrue(hexagons > 10);
        assertEquals(hexagons, shapes(doc, "hotspots"));
        assertInside(d, doc);
    }

    @Test
    void aSavedViewsBboxClipsEveryLayerToIt() throws Exception {
        // The north of the area: the southern proposals are not drawn, the rest is cut at the edge. (The
        // view is the box's envelope in the metric CRS, a little larger than the box itself.)
        var d = drawing.draw(new Request(fixture.projectId, new Bbox(5.50, 52.5055, 5.51, 52.51), layers(fixture.setId,
                null, null, new ProposalsLayer(List.of(Status.PUBLISHED)), null, null), "m5", "map.proposals"));
        Document doc = parse(MapSvg.svg(d, Language.EN));
        assertEquals(6, shapes(doc, "proposals"), "the six published proposals of the cluster; the hostile one is south");
        assertEquals(2, shapes(doc, "boundaries"), "the two northern quarters");
        assertInside(d, doc);
    }

    @Test
    void userTextIsEscapedInTheSvg() throws Exception {
        var d = drawing.draw(new Request(fixture.projectId, null, layers(null, null, null, null,
                new ChosenLayer(List.of(hostileId()), false), null), "m6", "map.proposals"));
        String svg = MapSvg.svg(d, Language.EN);
        parse(svg);
        assertFalse(svg.contains("<script"), svg);
        assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&lt;&gt;&#39; Bankje"));
        // A title of the caller's, such as a slide's, is user text too.
        String titled = MapSvg.svg(d, Language.NL, "Dia <1> & \"2\"");
        parse(titled);
        assertTrue(titled.contains("<title id=\"m6-title\">Dia &lt;1&gt; &amp; &quot;2&quot;</title>"), titled);
    }

    @Test
    void submittedIsNoPublicStatus() {
        assertThrows(IllegalArgumentException.class, () -> new ProposalsLayer(List.of(Status.SUBMITTED)));
        assertThrows(IllegalArgumentException.class, () -> new Bbox(5.51, 52.5, 5.50, 52.51));
    }

    private static long hostileId() {
        return nl.plein.db.Sql.read(server.dataSource, c -> nl.plein.db.Sql.one(c,
                "SELECT id FROM proposals WHERE title = ?", rs -> rs.getLong(1), ReportFixture.HOSTILE)).orElseThrow();
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }
}
