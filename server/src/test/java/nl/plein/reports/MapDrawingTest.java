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
import nl.plein.db.Jdbis;
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

    /** Every text of the drawing as read, a legend entry's wrapped lines joined by a space. */
    private static List<String> texts(Document doc) {
        var out = new ArrayList<String>();
        var texts = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            var lines = new ArrayList<String>();
            var spans = ((Element) texts.item(i)).getElementsByTagNameNS("*", "tspan");
            for (int k = 0; k < spans.getLength(); k++) {
                lines.add(spans.item(k).getTextContent());
            }
            out.add(lines.isEmpty() ? texts.item(i).getTextContent() : String.join(" ", lines));
        }
        return out;
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

        // The viewBox keeps the aspect of the view: the envelope of the area in the metric CRS, RD New
        // (the area's 680 m × 1,110 m; grid north is within a tenth of a degree of true north here).
        double[] box = viewBox(parse(svg));
        assertEquals(0, box[0]);
        double aspect = (d.mapHeight() - 2 * MapDrawing.PAD) / (d.width() - 2 * MapDrawing.PAD);
        double expected = Jdbis.create(server.dataSource).withHandle(h -> h.createQuery("""
                SELECT (ST_YMax(e) - ST_YMin(e)) / (ST_XMax(e) - ST_XMin(e))
                  FROM (SELECT ST_Envelope(ST_Transform(area, project_metric_srid(id))) AS e FROM projects WHERE id = :id) q""")
                .bind("id", fixture.projectId).mapTo(Double.class).one());
        assertEquals(expected, aspect, 0.005);
        assertEquals(1.63, aspect, 0.05);
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
        var texts = texts(doc);
        assertTrue(texts.contains("0 per 1.000 inwoners"), () -> "classes in the legend, Dutch number style: " + texts);
        assertTrue(texts.contains("meer dan 0 tot en met 10 per 1.000 inwoners"), () -> "the legend's classes: " + texts);
        assertInside(d, doc);
    }

    @Test
    void clustersAreNumberedOutlinesAndChosenProposalsShowTheirVariants() throws Exception {
        var d = drawing.draw(new Request(fixture.projectId, null, layers(null, null, new ClustersLayer(100.0, 5), null,
                new ChosenLayer(List.of(fixture.playgroundId), true), null), "m3", "map.clusters"));
        String svg = MapSvg.svg(d, Language.EN);
        Document doc = parse(svg);
        assertEquals(1, shapes(doc, "clusters"));
        assertEquals(1, count(svg, "class=\"cluster-label\""));
        assertEquals(2, shapes(doc, "chosen"), "the playground and its variant");
        assertTrue(texts(doc).contains("Speeltuin met bankjes"), () -> "labels: " + texts(doc));
        assertInside(d, doc);
    }

    @Test
    void hotspotHexagonsAreTheProjectsHexagons() throws Exception {
        var d = drawing.draw(new Request(fixture.projectId, null, layers(null, null, null, null, null,
                new HotspotsLayer(100.0)), "m4", "map.proposals"));
        Document doc = parse(MapSvg.svg(d, Language.EN));
        int hexagons = Json.parse(server.anonymous().get("/api/projects/" + fixture.projectId
                + "/analysis/hexbins?size=100").expect(200).body().getBytes(StandardCharsets.UTF_8))
                .get("features").size();
        assertTrue(hexagons > 10);
        assertEquals(hexagons, shapes(doc, "hotspots"));
        assertInside(d, doc);
    }

    @Test
    void hotSpotClassesStayApartPrintedInGreyAndTheLegendShowsTheMapsFills() throws Exception {
        var d = drawing.draw(new Request(fixture.projectId, null, layers(null, null, null, null, null,
                new HotspotsLayer(100.0)), "m7", "map.proposals"));
        Document doc = parse(MapSvg.svg(d, Language.EN));
        // The legend's rows, top to bottom: hot spot 99 %, 95 %, 90 %, not significant, cold spot 90 %, 95 %, 99 %.
        var rows = new ArrayList<String[]>();
        var groups = doc.getElementsByTagNameNS("*", "g");
        Element legend = null;
        for (int i = 0; i < groups.getLength(); i++) {
            if (((Element) groups.item(i)).getAttribute("class").equals("legend")) {
                legend = (Element) groups.item(i);
            }
        }
        assertTrue(legend != null, "the map has a legend");
        String fill = null;
        for (var child = legend.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getLocalName().equals("rect")) {
                fill = e.getAttribute("fill");
            } else if (child instanceof Element e && e.getLocalName().equals("text")
                    && (e.getTextContent().contains("spot") || e.getTextContent().equals("Not significant"))) {
                rows.add(new String[] {e.getTextContent(), fill});
            }
        }
        assertEquals(7, rows.size(), "a legend row per Gi* class");
        assertEquals("Hot spot, 99% confidence", rows.get(0)[0]);
        assertEquals("Cold spot, 99% confidence", rows.get(6)[0]);
        double[] luminance = new double[7];
        for (int i = 0; i < 7; i++) {
            luminance[i] = printedLuminance(doc, rows.get(i)[1]);
        }
        for (int i = 0; i < 7; i++) {
            for (int j = i + 1; j < 7; j++) {
                double ratio = (Math.max(luminance[i], luminance[j]) + 0.05) / (Math.min(luminance[i], luminance[j]) + 0.05);
                assertTrue(ratio >= 1.3, rows.get(i)[0] + " and " + rows.get(j)[0] + " print as nearly the same grey: "
                        + "luminance " + luminance[i] + " and " + luminance[j] + ", ratio " + ratio);
            }
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(luminance[i] < luminance[i + 1], "hot spots lighten as confidence falls: " + rows.get(i)[0]);
            assertTrue(luminance[6 - i] < luminance[5 - i], "cold spots lighten as confidence falls: " + rows.get(6 - i)[0]);
            assertTrue(rows.get(4 + i)[1].startsWith("url(#m7-cold") && !rows.get(i)[1].startsWith("url("),
                    "cold spots are hatched, hot spots are not");
        }
        // Truthful: every hexagon is filled as one of the legend's rows.
        var legendFills = rows.stream().map(r -> r[1]).toList();
        var paths = doc.getElementsByTagNameNS("*", "path");
        int hexagons = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            var p = (Element) paths.item(i);
            if (((Element) p.getParentNode()).getAttribute("class").equals("layer-hotspots")) {
                hexagons++;
                assertTrue(legendFills.contains(p.getAttribute("fill")), "a hexagon filled " + p.getAttribute("fill"));
            }
        }
        assertTrue(hexagons > 10);
    }

    /**
     * The relative luminance (WCAG 2.1) a fill prints as: a colour's own, or for a hatching pattern
     * the mean of its ground and its lines, weighted by the part of the cell the lines cover.
     */
    private static double printedLuminance(Document doc, String fill) {
        if (!fill.startsWith("url(#")) {
            return relativeLuminance(fill);
        }
        String id = fill.substring(5, fill.length() - 1);
        var patterns = doc.getElementsByTagNameNS("*", "pattern");
        for (int i = 0; i < patterns.getLength(); i++) {
            var pattern = (Element) patterns.item(i);
            if (pattern.getAttribute("id").equals(id)) {
                var ground = (Element) pattern.getElementsByTagNameNS("*", "rect").item(0);
                var line = (Element) pattern.getElementsByTagNameNS("*", "line").item(0);
                double cover = Double.parseDouble(line.getAttribute("stroke-width"))
                        / Double.parseDouble(pattern.getAttribute("width"));
                return (1 - cover) * relativeLuminance(ground.getAttribute("fill"))
                        + cover * relativeLuminance(line.getAttribute("stroke"));
            }
        }
        throw new AssertionError("no pattern " + id + " in the SVG's defs");
    }

    private static double relativeLuminance(String colour) {
        String hex = colour.substring(1);
        if (hex.length() == 3) {
            hex = hex.replaceAll("(.)", "$1$1");
        }
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) / 255.0;
            rgb[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
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
        return Jdbis.create(server.dataSource).withHandle(h -> h.createQuery("SELECT id FROM proposals WHERE title = :title")
                .bind("title", ReportFixture.HOSTILE).mapTo(Long.class).one());
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }
}
