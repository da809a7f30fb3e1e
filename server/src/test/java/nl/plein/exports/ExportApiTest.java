package nl.plein.exports;

import static nl.plein.support.Fixtures.CYCLE_ROUTE;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.polygon;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exports over a project with three public proposals (one of them with a title full of CSV
 * traps), a hidden and a withdrawn one; on the first a public variant and a hidden one, a pinned
 * comment, an unpinned one and a hidden one; on the hidden proposal a variant and a comment; a
 * pre-moderated project holding only an unpublished proposal; and two buurten.
 */
class ExportApiTest {
    private static final String SECRET = "Verborgen";
    /** A quote, a semicolon, a comma, a line break and a leading = : every trap of CSV and spreadsheets. */
    private static final String TRAP = "=SUM(1;2) \"Bankje\", hier\ntweede regel";
    private static final Map<String, Integer> PUBLIC_ROWS =
            Map.of("proposals", 3, "variants", 1, "comments", 2, "participation", 2);

    private static TestServer server;
    private static Client anyone;
    private static long projectId;
    private static long premoderatedId;
    private static long trapId;
    private static long unpinnedId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        anyone = server.anonymous();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        var moderator = server.signedIn("mod@test.example", Role.MODERATOR);
        var anna = server.signedIn("anna@test.example", Role.RESIDENT);
        var bram = server.signedIn("bram@test.example", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("Park", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        premoderatedId = admin.post("/api/projects", project("Plein", List.of("point"), true))
                .expect(201).json().get("id").asLong();
        long first = create(anna, projectId, proposal(point(5.5005, 52.505), "Bankje"));
        trapId = create(anna, projectId, proposal(point(5.507, 52.505), TRAP));
        create(anna, projectId, proposal(CYCLE_ROUTE, "Fietspad"));
        bram.post("/api/proposals/" + first + "/variants", feature(point(5.5006, 52.5051),
                Map.of("title", "Bankje iets oostelijker", "description", "Meer zon"))).expect(201);
        long hiddenVariant = bram.post("/api/proposals/" + first + "/variants", feature(point(5.5007, 52.5051),
                Map.of("title", SECRET, "description", SECRET))).expect(201).json().get("id").asLong();
        moderator.post("/api/variants/" + hiddenVariant + "/hide", Map.of("reason", "Off topic")).expect(201);
        bram.post("/api/proposals/" + first + "/comments",
                feature(point(5.5005, 52.5049), Map.of("body", "Hier staat een boom"))).expect(201);
        unpinnedId = bram.post("/api/proposals/" + first + "/comments", feature(null, Map.of("body", "Goed idee")))
                .expect(201).json().get("id").asLong();
        long hiddenComment = bram.post("/api/proposals/" + first + "/comments",
                feature(point(5.5004, 52.5049), Map.of("body", SECRET))).expect(201).json().get("id").asLong();
        moderator.post("/api/comments/" + hiddenComment + "/hide", Map.of("reason", "Personal attack")).expect(201);
        long hidden = create(anna, projectId, proposal(point(5.501, 52.506), SECRET));
        bram.post("/api/proposals/" + hidden + "/variants", feature(point(5.501, 52.5061),
                Map.of("title", SECRET, "description", SECRET))).expect(201);
        bram.post("/api/proposals/" + hidden + "/comments",
                feature(point(5.501, 52.5062), Map.of("body", SECRET))).expect(201);
        moderator.post("/api/proposals/" + hidden + "/hide", Map.of("reason", "Personal attack")).expect(201);
        long withdrawn = create(anna, projectId, proposal(point(5.502, 52.506), SECRET));
        anna.delete("/api/proposals/" + withdrawn).expect(204);
        create(anna, premoderatedId, proposal(point(5.503, 52.506), SECRET));
        admin.post("/api/area-sets?name=Buurten&year=2024&dryRun=false", Map.of("type", "FeatureCollection",
                "features", List.of(buurt("BU0001", "West", 5.50, 5.505), buurt("BU0002", "Oost", 5.505, 5.51))))
                .expect(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long create(Client author, long project, Map<String, Object> body) {
        return author.post("/api/projects/" + project + "/proposals", body).expect(201).json().get("id").asLong();
    }

    private static Map<String, Object> buurt(String code, String name, double west, double east) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("buurtcode", code);
        properties.put("buurtnaam", name);
        properties.put("aantal_inwoners", 1000);
        properties.put("wijkcode", "WK0001");
        return feature(polygon(west, 52.50, east, 52.50, east, 52.51, west, 52.51, west, 52.50), properties);
    }

    private static String export(long project, String file) {
        return "/api/projects/" + project + "/exports/" + file;
    }

    /** RFC 4180 records: fields split on the separator, quoted fields may hold anything, "" is a quote. */
    static List<List<String>> parse(String text, char separator) {
        var records = new ArrayList<List<String>>();
        var record = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertFalse(quoted, "a quoted field is not closed");
        assertTrue(field.isEmpty() && record.isEmpty(), "the last record does not end in CRLF");
        return records;
    }

    @Test
    void everyDatasetInEveryFormatHoldsThePublicRowsAndNothingHiddenOrPersonal() {
        PUBLIC_ROWS.forEach((dataset, count) -> {
            int rows = count;
            for (String file : List.of(dataset + ".geojson", dataset + ".csv", dataset + ".csv?excel=true")) {
                var response = anyone.get(export(projectId, file)).expect(200);
                String body = response.body();
                assertTrue(response.header("Content-Disposition").startsWith("attachment; filename=\"plein-project-"),
                        file);
                assertFalse(body.contains(SECRET), file + " leaks hidden content");
                assertFalse(body.contains("anna") || body.contains("bram") || body.contains("@test.example"),
                        file + " names an author");
                if (file.endsWith(".geojson")) {
                    assertTrue(response.header("Content-Type").startsWith("application/geo+json"), file);
                    assertEquals(rows, response.json().get("features").size(), file);
                } else {
                    assertTrue(response.header("Content-Type").startsWith("text/csv; charset=utf-8"), file);
                    char separator = file.contains("excel") ? ';' : ',';
                    assertEquals(rows + 1, parse(body, separator).size(), file);
                }
            }
        });
    }

    @Test
    void theRowsAreThoseTheOgcApiAndTheParticipationExportPublish() {
        for (String dataset : List.of("proposals", "variants")) {
            var ogc = anyone.get("/ogc/collections/" + dataset + "-" + projectId + "/items").expect(200).json();
            var file = anyone.get(export(projectId, dataset + ".geojson")).expect(200).json();
            assertEquals(ogc.get("numberMatched").asInt(), file.get("features").size(), dataset);
            for (int i = 0; i < file.get("features").size(); i++) {
                assertEquals(ogc.get("features").get(i).get("id"), file.get("features").get(i).get("id"));
                // The file's proposals also link to their photos, which the OGC collection leaves out.
                var properties = ((com.fasterxml.jackson.databind.node.ObjectNode) file.get("features").get(i)
                        .get("properties")).deepCopy();
                if (dataset.equals("proposals")) {
                    assertTrue(properties.has("photos"), "the proposals file has the photos column");
                    properties.remove("photos");
                }
                assertEquals(ogc.get("features").get(i).get("properties"), properties);
            }
        }
        var participation = anyone.get("/api/projects/" + projectId + "/participation.geojson").expect(200).json();
        var file = anyone.get(export(projectId, "participation.geojson")).expect(200).json();
        assertEquals(participation.get("features").size(), file.get("features").size());
        var published = new java.util.HashMap<Long, JsonNode>();
        participation.get("features").forEach(f -> published.put(f.get("id").asLong(), f.get("properties")));
        file.get("features").forEach(f -> assertEquals(published.get(f.get("id").asLong()), f.get("properties")));
    }

    @Test
    void geojsonIsAFeatureCollectionInLongitudeLatitudeWithNullGeometryForAnUnpinnedComment() {
        var proposals = anyone.get(export(projectId, "proposals.geojson")).expect(200).json();
        assertEquals("FeatureCollection", proposals.get("type").asText());
        for (JsonNode feature : proposals.get("features")) {
            assertEquals("Feature", feature.get("type").asText());
            JsonNode first = feature.get("geometry").get("coordinates");
            while (first.get(0).isArray()) {
                first = first.get(0);
            }
            assertEquals(5.5, first.get(0).asDouble(), 0.02, "longitude first");
            assertEquals(52.5, first.get(1).asDouble(), 0.02, "latitude second");
        }
        var comments = anyone.get(export(projectId, "comments.geojson")).expect(200).json();
        int nullGeometries = 0;
        for (JsonNode feature : comments.get("features")) {
            if (feature.get("geometry").isNull()) {
                nullGeometries++;
                assertEquals(unpinnedId, feature.get("id").asLong());
            } else {
                assertEquals("Point", feature.get("geometry").get("type").asText());
            }
        }
        assertEquals(1, nullGeometries);
    }

    @Test
    void csvQuotesATitleWithQuoteSemicolonCommaAndLineBreakAndDefusesItsLeadingEquals() {
        var records = parse(anyone.get(export(projectId, "proposals.csv")).expect(200).body(), ',');
        var header = records.get(0);
        assertEquals(List.of("id", "title", "description", "category", "status", "supportCount", "commentCount",
                "variantCount", "createdAt", "updatedAt", "photos", "wkt", "lon", "lat"), header);
        var trap = records.stream().filter(r -> r.get(0).equals(Long.toString(trapId))).findFirst().orElseThrow();
        assertEquals(header.size(), trap.size());
        assertEquals("'" + TRAP, trap.get(header.indexOf("title")));
        assertEquals("POINT(5.507 52.505)", trap.get(header.indexOf("wkt")));
        assertEquals(5.507, Double.parseDouble(trap.get(header.indexOf("lon"))), 1e-9);
        assertEquals(52.505, Double.parseDouble(trap.get(header.indexOf("lat"))), 1e-9);
        var route = records.stream().filter(r -> r.get(1).equals("Fietspad")).findFirst().orElseThrow();
        assertTrue(route.get(header.indexOf("wkt")).startsWith("LINESTRING("));

        var comments = parse(anyone.get(export(projectId, "comments.csv")).expect(200).body(), ',');
        var unpinned = comments.stream().filter(r -> r.get(0).equals(Long.toString(unpinnedId))).findFirst().orElseThrow();
        assertEquals(List.of("", "", ""), unpinned.subList(unpinned.size() - 3, unpinned.size()));
    }

    @Test
    void theExcelVariantHasAByteOrderMarkSemicolonsAndDecimalCommas() {
        String body = anyone.get(export(projectId, "proposals.csv?excel=true")).expect(200).body();
        assertTrue(body.startsWith("\uFEFFid;title;"), body.substring(0, 40));
        var records = parse(body.substring(1), ';');
        var header = records.get(0);
        var trap = records.stream().filter(r -> r.get(0).equals(Long.toString(trapId))).findFirst().orElseThrow();
        assertEquals("'" + TRAP, trap.get(header.indexOf("title")));
        assertEquals("5,5070000", trap.get(header.indexOf("lon")));
        assertEquals("POINT(5.507 52.505)", trap.get(header.indexOf("wkt")), "WKT keeps its decimal points");
    }

    @Test
    void eachDatasetHasADataDictionaryOfEveryColumn() {
        for (String dataset : PUBLIC_ROWS.keySet()) {
            var data = parse(anyone.get(export(projectId, dataset + ".csv")).expect(200).body(), ',');
            var response = anyone.get(export(projectId, dataset + ".dictionary.csv")).expect(200);
            assertTrue(response.header("Content-Disposition").contains(dataset + "-dictionary.csv"));
            var dictionary = parse(response.body(), ',');
            assertEquals(List.of("field", "type", "unit", "meaning_nl", "meaning_en", "note"), dictionary.get(0));
            assertEquals(data.get(0), dictionary.stream().skip(1).map(r -> r.get(0)).toList(), dataset);
            dictionary.stream().skip(1).forEach(r -> assertFalse(r.get(3).isEmpty() || r.get(4).isEmpty(), dataset));
        }
        var participation = parse(anyone.get(export(projectId, "participation.dictionary.csv")).body(), ',');
        var participants = participation.stream().filter(r -> r.get(0).equals("participants")).findFirst().orElseThrow();
        assertTrue(participants.get(5).contains("suppressed"), participants.toString());
        assertTrue(anyone.get(export(projectId, "comments.dictionary.csv?excel=true")).body().startsWith("\uFEFF"));
    }

    @Test
    void theJsonDictionaryIsTheCsvDictionaryFieldForFieldAndNamesTheExportsColumnsInOrder() {
        for (String dataset : PUBLIC_ROWS.keySet()) {
            var csv = parse(anyone.get(export(projectId, dataset + ".dictionary.csv")).expect(200).body(), ',');
            var response = anyone.get(export(projectId, dataset + ".dictionary.json")).expect(200);
            assertTrue(response.header("Content-Type").startsWith("application/json"), dataset);
            assertTrue(response.header("Content-Disposition").contains(dataset + "-dictionary.json"), dataset);
            var json = response.json();
            assertEquals(dataset, json.get("dataset").asText());
            var rows = new ArrayList<List<String>>();
            for (JsonNode field : json.get("fields")) {
                var keys = new ArrayList<String>();
                field.fieldNames().forEachRemaining(keys::add);
                assertEquals(List.of("name", "type", "unit", "meaning", "note"), keys, field.toString());
                rows.add(List.of(field.get("name").asText(), field.get("type").asText(), field.get("unit").asText(),
                        field.get("meaning").get("nl").asText(), field.get("meaning").get("en").asText(),
                        field.get("note").asText()));
            }
            assertEquals(csv.subList(1, csv.size()), rows, dataset);

            var header = parse(anyone.get(export(projectId, dataset + ".csv")).expect(200).body(), ',').get(0);
            assertEquals(header, rows.stream().map(r -> r.get(0)).toList(), dataset);
            var properties = new java.util.HashSet<String>();
            anyone.get(export(projectId, dataset + ".geojson")).expect(200).json().get("features").get(0)
                    .get("properties").fieldNames().forEachRemaining(properties::add);
            var fields = new java.util.HashSet<>(header.subList(1, header.size() - 3));
            assertEquals(fields, properties, dataset + ": GeoJSON has the dictionary's fields but id and geometry");
        }
        var participants = anyone.get(export(projectId, "participation.dictionary.json")).json().get("fields");
        var note = java.util.stream.StreamSupport.stream(participants.spliterator(), false)
                .filter(f -> f.get("name").asText().equals("participants")).findFirst().orElseThrow().get("note");
        assertTrue(note.asText().contains("suppressed"), note.toString());
    }

    @Test
    void anUnpublishedProposalOfAPremoderatedProjectIsNotExported() {
        assertEquals(0, anyone.get(export(premoderatedId, "proposals.geojson")).expect(200).json()
                .get("features").size());
        assertEquals(1, parse(anyone.get(export(premoderatedId, "proposals.csv")).expect(200).body(), ',').size());
    }

    /** The file's bytes, as a download would save them. */
    private static Path download(String file) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(anyone.uri(export(projectId, file)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/geopackage+sqlite3", response.headers().firstValue("Content-Type").orElseThrow());
        Path dir = Files.createDirectories(Path.of("target", "exports"));
        Path saved = dir.resolve(file);
        Files.write(saved, response.body());
        return saved;
    }

    /** Runs ogrinfo (Debian gdal-bin, which the test command installs) read-only; a missing one fails the test. */
    private static String ogrinfo(String... args) throws InterruptedException {
        var command = new ArrayList<String>(List.of("ogrinfo", "-ro"));
        command.addAll(List.of(args));
        return run(command);
    }

    /**
     * GDAL's GeoPackage validator, from Debian's python3-gdal (which gdal-bin depends on) and so
     * only in the system's Python; it exits non-zero naming the first requirement a file breaks.
     */
    private static void validate(Path file) throws InterruptedException {
        run(List.of("/usr/bin/python3", "-m", "osgeo_utils.samples.validate_gpkg", file.toString()));
    }

    private static String run(List<String> command) throws InterruptedException {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), command.get(0) + " took over a minute");
            assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
            return output;
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " cannot be run; install GDAL (Debian: gdal-bin)", e);
        }
    }

    @Test
    void ogrinfoReadsEachGeoPackageWithThePublicFeaturesInWgs84() throws Exception {
        for (var entry : PUBLIC_ROWS.entrySet()) {
            String dataset = entry.getKey();
            Path file = download(dataset + ".gpkg");
            String summary = ogrinfo("-so", "-al", file.toString());
            assertFalse(summary.contains("Warning") || summary.contains("ERROR"), summary);
            assertTrue(summary.contains("Layer name: " + dataset + "\n"), summary);
            assertTrue(summary.contains("Feature Count: " + entry.getValue() + "\n"), summary);
            assertTrue(summary.contains("WGS 84"), summary);
            String all = ogrinfo("-al", "-q", file.toString());
            assertFalse(all.contains(SECRET), all);
        }
        String proposals = ogrinfo("-al", "-q", "target/exports/proposals.gpkg");
        assertTrue(proposals.contains("title (String) = Bankje\n"), proposals);
        assertTrue(proposals.contains("POINT (5.5005 52.505)"), proposals);
        assertTrue(proposals.contains("LINESTRING ("), proposals);
        assertTrue(proposals.contains("OGRFeature(proposals):" + trapId), proposals);
        String participation = ogrinfo("-al", "-q", "target/exports/participation.gpkg");
        assertTrue(participation.contains("POLYGON ("), participation);
        assertTrue(participation.contains("participants (String) = "), participation);
    }

    @Test
    void eachGeoPackageHasASpatialIndexOfEveryPlacedFeatureThatGdalUsesAndItsValidatorAccepts() throws Exception {
        for (var entry : PUBLIC_ROWS.entrySet()) {
            String dataset = entry.getKey();
            int placed = dataset.equals("comments") ? entry.getValue() - 1 : entry.getValue(); // one is unpinned
            Path file = download(dataset + ".gpkg");
            String rtree = "rtree_" + dataset + "_geom";
            // An entry covers its feature's box, widened by no more than 32-bit floats round.
            String figures = ogrinfo("-q", "-sql", "SELECT HasSpatialIndex('" + dataset + "', 'geom') AS indexed,"
                    + " (SELECT COUNT(*) FROM " + rtree + ") AS entries,"
                    + " (SELECT COUNT(*) FROM " + dataset + " WHERE geom IS NOT NULL) AS placed,"
                    + " (SELECT COUNT(*) FROM " + dataset + " f JOIN " + rtree + " r ON r.id = f.fid"
                    + " WHERE r.minx <= ST_MinX(f.geom) AND r.maxx >= ST_MaxX(f.geom)"
                    + " AND r.miny <= ST_MinY(f.geom) AND r.maxy >= ST_MaxY(f.geom)"
                    + " AND r.maxx - r.minx <= ST_MaxX(f.geom) - ST_MinX(f.geom) + 1e-5"
                    + " AND r.maxy - r.miny <= ST_MaxY(f.geom) - ST_MinY(f.geom) + 1e-5) AS covering", file.toString());
            assertTrue(figures.contains("indexed (Integer) = 1\n"), dataset + ": " + figures);
            for (String count : List.of("entries", "placed", "covering")) {
                assertTrue(figures.contains(count + " (Integer) = " + placed + "\n"), dataset + ": " + figures);
            }
            validate(file);
        }
        String filtered = ogrinfo("--debug", "on", "-q", "-spat", "5.5", "52.5", "5.5006", "52.5052",
                "target/exports/proposals.gpkg", "proposals");
        assertTrue(filtered.contains("JOIN \"rtree_proposals_geom\""), "a box filter reads the index: " + filtered);
        assertTrue(filtered.contains("title (String) = Bankje\n") && !filtered.contains("Fietspad"), filtered);

        // The triggers keep the index when a GIS tool edits the file, with the functions GDAL registers.
        Path edited = Files.copy(Path.of("target/exports/proposals.gpkg"), Path.of("target/exports/edited.gpkg"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        run(List.of("ogrinfo", "-q", edited.toString(), "-sql", "DELETE FROM proposals WHERE fid = " + trapId));
        String after = ogrinfo("-q", "-sql", "SELECT COUNT(*) AS entries FROM rtree_proposals_geom", edited.toString());
        assertTrue(after.contains("entries (Integer) = 2\n"), after);
        validate(edited);
    }

    @Test
    void unknownDatasetsFormatsParametersAndProjectsAreProblems() {
        var unknownDataset = anyone.get(export(projectId, "accounts.csv")).expect(404);
        assertTrue(unknownDataset.header("Content-Type").startsWith("application/problem+json"));
        anyone.get(export(projectId, "proposals.xlsx")).expect(400);
        anyone.get(export(projectId, "proposals")).expect(400);
        anyone.get(export(projectId, "proposals.geojson?excel=true")).expect(400);
        anyone.get(export(projectId, "proposals.gpkg?excel=true")).expect(400);
        anyone.get(export(projectId, "proposals.csv?excel=yes")).expect(400);
        anyone.get(export(projectId, "proposals.dictionary.json?excel=true")).expect(400);
        anyone.get(export(projectId, "accounts.dictionary.json")).expect(404);
        anyone.get(export(projectId, "proposals.csv?set=1")).expect(400);
        anyone.get(export(projectId, "proposals.csv?limit=5")).expect(400);
        anyone.get(export(999_999, "proposals.csv")).expect(404);
    }
}
