package nl.plein.photos;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.Multipart;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Photos over real HTTP on a real PostGIS: real JPEG, PNG and WebP files are re-encoded upright,
 * without EXIF or GPS; hostile files are refused by name and leave nothing behind; files are served
 * with caching and hidden from the public when the photo or what it belongs to is.
 */
class PhotoUploadTest {
    /** Small limits, so the limits themselves are cheap to reach. */
    static final int MAX_BYTES = 400_000;
    static final int PER_ITEM = 3;
    static TestServer server;
    static Client anna;
    static Client bram;
    static Client planner;
    static Client moderator;
    static Client anonymous;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("PLEIN_PHOTO_MAX_BYTES", Integer.toString(MAX_BYTES),
                "PLEIN_PHOTO_MAX_MEGAPIXELS", "12", "PLEIN_PHOTOS_PER_ITEM", Integer.toString(PER_ITEM)));
        var admin = server.signedIn("admin@photo.test", Role.ADMIN);
        anna = server.signedIn("anna@photo.test", Role.RESIDENT);
        bram = server.signedIn("bram@photo.test", Role.RESIDENT);
        planner = server.signedIn("planner@photo.test", Role.PLANNER);
        moderator = server.signedIn("mod@photo.test", Role.MODERATOR);
        anonymous = server.anonymous();
        projectId = admin.post("/api/projects", project("Foto's", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long newProposal(Client author, String title) {
        return author.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, title)).expect(201)
                .json().get("id").asLong();
    }

    static Client.Response upload(Client client, String path, Multipart form) {
        return client.raw("POST", path, form.contentType(), form.bytes());
    }

    private static BufferedImage served(Client client, String url) throws Exception {
        HttpResponse<byte[]> response = client.bytes(url);
        assertEquals(200, response.statusCode(), url);
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(""));
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    private static long photoCount() throws Exception {
        try (var c = server.dataSource.getConnection(); var rs = c.createStatement()
                .executeQuery("SELECT count(*) FROM photos")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean isRed(int rgb) {
        return ((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) < 60;
    }

    private static boolean isBlue(int rgb) {
        return ((rgb >> 16) & 0xff) < 60 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) > 200;
    }

    @Test
    void aCameraJpegIsTurnedUprightAndLosesItsExifAndGpsInBothSizes() throws Exception {
        long proposalId = newProposal(anna, "Bankje bij de vijver");
        byte[] camera = TestImages.withExif(TestImages.jpeg(TestImages.halves(2000, 1000)), 6);
        var exif = ImageMetadataReader.readMetadata(new ByteArrayInputStream(camera));
        assertEquals(6, exif.getFirstDirectoryOfType(ExifIFD0Directory.class)
                .getInt(ExifIFD0Directory.TAG_ORIENTATION), "the test file itself carries the orientation");
        assertTrue(exif.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude() > 52.3,
                "the test file itself carries GPS");

        JsonNode photo = upload(anna, "/api/proposals/" + proposalId + "/photos",
                Multipart.photo(camera, "Een houten bank naast de vijver")).expect(201).json();
        // Turned a quarter clockwise: 2000 × 1000 becomes 1000 × 2000, scaled to fit 1600.
        assertEquals(800, photo.get("width").asInt());
        assertEquals(1600, photo.get("height").asInt());
        assertEquals(160, photo.get("thumbWidth").asInt());
        assertEquals(320, photo.get("thumbHeight").asInt());
        assertEquals("Een houten bank naast de vijver", photo.get("alt").asText());

        for (String url : List.of(photo.get("urls").get("display").asText(), photo.get("urls").get("thumb").asText())) {
            byte[] file = anonymous.bytes(url).body();
            var metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file));
            assertNull(metadata.getFirstDirectoryOfType(GpsDirectory.class), url + " has no GPS");
            assertNull(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class), url + " has no EXIF");
            assertFalse(new String(file, StandardCharsets.ISO_8859_1).contains("Exif"), url);
            BufferedImage image = served(anonymous, url);
            // The left half (red) is on top once upright, the right half (blue) below.
            assertTrue(isRed(image.getRGB(image.getWidth() / 2, image.getHeight() / 8)), url + " top is red");
            assertTrue(isBlue(image.getRGB(image.getWidth() / 2, image.getHeight() * 7 / 8)), url + " bottom is blue");
        }

        JsonNode read = anonymous.get("/api/proposals/" + proposalId).expect(200).json();
        JsonNode listed = read.get("properties").get("photos");
        assertEquals(1, listed.size());
        assertEquals(photo.get("id").asLong(), listed.get(0).get("id").asLong());
        assertEquals(photo.get("urls"), listed.get(0).get("urls"));
        assertEquals(800, listed.get(0).get("width").asInt());
    }

    @Test
    void pngWithTransparencyAndBothKindsOfWebpAreTakenAndServedAsJpeg() throws Exception {
        long proposalId = newProposal(anna, "Groen dak");
        String path = "/api/proposals/" + proposalId + "/photos";
        // The type is told by the content: a PNG sent as "image/jpeg" named .jpg is a PNG.
        JsonNode png = upload(anna, path, Multipart.photo(TestImages.transparentPng(300, 200),
                "Groen dak, half")).expect(201).json();
        assertEquals(300, png.get("width").asInt());
        BufferedImage flattened = served(anonymous, png.get("urls").get("display").asText());
        int right = flattened.getRGB(250, 100);
        assertTrue(((right >> 16) & 0xff) > 240 && ((right >> 8) & 0xff) > 240 && (right & 0xff) > 240,
                "transparency is flattened onto white, not black");
        for (String webp : List.of("gradient-lossy.webp", "gradient-lossless.webp")) {
            JsonNode photo = upload(anna, path, new Multipart().field("alt", "Kleurverloop")
                    .file("file", webp, "image/webp", TestImages.resource(webp))).expect(201).json();
            assertEquals(64, photo.get("width").asInt(), webp);
            assertEquals(48, photo.get("height").asInt(), webp);
            BufferedImage image = served(anonymous, photo.get("urls").get("thumb").asText());
            assertEquals(64, image.getWidth(), webp + ": small photos are not enlarged");
        }
        // The limit: three photos on one proposal, the fourth refused by name.
        var refused = upload(anna, path, Multipart.photo(TestImages.jpeg(TestImages.halves(40, 40)), "Nog een"))
                .expect(409).json();
        assertEquals("file", refused.get("errors").get(0).get("field").asText());
    }

    @Test
    void hostileFilesAreRefusedNamingTheFileAndNothingIsStored() throws Exception {
        long proposalId = newProposal(anna, "Speeltuin");
        String path = "/api/proposals/" + proposalId + "/photos";
        long before = photoCount();
        byte[] jpeg = TestImages.jpeg(TestImages.halves(200, 100));
        byte[] png = TestImages.png(TestImages.halves(200, 100));
        var cases = new java.util.LinkedHashMap<String, Object[]>();
        cases.put("a PNG decompression bomb of 100 megapixels", new Object[] {TestImages.pngBomb(10_000), 400});
        cases.put("a JPEG claiming 60000 × 60000 pixels", new Object[] {TestImages.claimingSize(jpeg, 60000, 60000), 400});
        cases.put("SVG", new Object[] {TestImages.SVG, 415});
        cases.put("HTML sent as a JPEG", new Object[] {"<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8), 415});
        cases.put("GIF", new Object[] {TestImages.GIF, 415});
        cases.put("JPEG with a ZIP appended", new Object[] {TestImages.concat(jpeg, TestImages.zip()), 400});
        cases.put("JPEG with HTML appended", new Object[] {TestImages.concat(jpeg,
                "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)), 400});
        cases.put("PNG with HTML appended", new Object[] {TestImages.concat(png,
                "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)), 400});
        cases.put("a truncated JPEG", new Object[] {java.util.Arrays.copyOf(jpeg, jpeg.length / 2), 400});
        cases.put("a truncated PNG", new Object[] {java.util.Arrays.copyOf(png, png.length - 20), 400});
        cases.put("a JPEG start and nothing else", new Object[] {new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, 400});
        byte[] webp = TestImages.resource("gradient-lossy.webp");
        cases.put("a truncated WebP", new Object[] {java.util.Arrays.copyOf(webp, webp.length - 30), 400});
        byte[] oversized = TestImages.concat(jpeg, new byte[MAX_BYTES]);
        cases.put("a file over the limit", new Object[] {oversized, 413});
        for (var c : cases.entrySet()) {
            var response = upload(anna, path, Multipart.photo((byte[]) c.getValue()[0], "Iets"));
            assertEquals((int) c.getValue()[1], response.status(), c.getKey() + ": " + response.body());
            assertEquals("application/problem+json", response.header("Content-Type").split(";")[0], c.getKey());
            assertEquals("file", response.json().get("errors").get(0).get("field").asText(), c.getKey());
        }
        assertEquals(before, photoCount(), "nothing was stored");
        assertEquals(0, anonymous.get("/api/proposals/" + proposalId).expect(200).json().get("properties")
                .get("photos").size());
    }

    @Test
    void theFormIsCheckedFieldByFieldAndOnlyTheAuthorMayAddPhotos() throws Exception {
        long proposalId = newProposal(anna, "Fietsenrek");
        String path = "/api/proposals/" + proposalId + "/photos";
        byte[] jpeg = TestImages.jpeg(TestImages.halves(60, 40));
        long before = photoCount();
        assertEquals("alt", upload(anna, path, new Multipart().file("file", "a.jpg", "image/jpeg", jpeg))
                .expect(400).json().get("errors").get(0).get("field").asText());
        assertEquals("alt", upload(anna, path, Multipart.photo(jpeg, "   ")).expect(400).json()
                .get("errors").get(0).get("field").asText());
        assertEquals("alt", upload(anna, path, Multipart.photo(jpeg, "x".repeat(PhotoRoutes.MAX_ALT + 1)))
                .expect(400).json().get("errors").get(0).get("field").asText());
        assertEquals("file", upload(anna, path, new Multipart().field("alt", "Rek")).expect(400).json()
                .get("errors").get(0).get("field").asText());
        assertEquals("caption", upload(anna, path, Multipart.photo(jpeg, "Rek").field("caption", "x")).expect(400)
                .json().get("errors").get(0).get("field").asText());
        assertEquals("file", anna.raw("POST", path, "image/jpeg", jpeg).expect(415).json().get("errors").get(0)
                .get("field").asText());
        upload(bram, path, Multipart.photo(jpeg, "Rek")).expect(403);
        upload(anonymous, path, Multipart.photo(jpeg, "Rek")).expect(401);
        upload(anna, "/api/proposals/999999/photos", Multipart.photo(jpeg, "Rek")).expect(404);
        assertEquals(before, photoCount());
    }

    @Test
    void filesAreCachedForGoodWhilePublicAndHiddenPhotosAreGoneForThePublic() throws Exception {
        long proposalId = newProposal(anna, "Waterspeelplaats");
        JsonNode photo = upload(anna, "/api/proposals/" + proposalId + "/photos",
                Multipart.photo(TestImages.jpeg(TestImages.halves(400, 300)), "Fontein")).expect(201).json();
        long id = photo.get("id").asLong();
        String display = photo.get("urls").get("display").asText();
        var first = anonymous.bytes(display);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertEquals(304, anonymous.bytes(display, "If-None-Match", etag).statusCode());
        assertFalse(etag.equals(anonymous.bytes(photo.get("urls").get("thumb").asText()).headers()
                .firstValue("ETag").orElseThrow()), "each file has its own ETag");
        assertEquals(404, anonymous.bytes("/photos/" + id + "/original.jpg").statusCode());

        moderator.post("/api/photos/" + id + "/hide", Map.of("reason", "Gezicht herkenbaar")).expect(201);
        assertEquals(404, anonymous.bytes(display).statusCode());
        assertEquals(404, bram.bytes(display).statusCode());
        assertEquals(0, anonymous.get("/api/proposals/" + proposalId).expect(200).json().get("properties")
                .get("photos").size());
        var staff = moderator.bytes(display);
        assertEquals(200, staff.statusCode(), "moderators still see it");
        assertEquals("private, no-cache", staff.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(moderator.get("/api/proposals/" + proposalId).json().get("properties").get("photos").get(0)
                .get("hidden").asBoolean());
        var log = moderator.get("/api/moderation/log?limit=5").expect(200).json();
        assertEquals("photo", log.get(0).get("targetKind").asText());
        assertEquals(id, log.get(0).get("targetId").asLong());
        moderator.post("/api/photos/" + id + "/restore", Map.of("reason", "Vervaagd")).expect(201);
        assertEquals(200, anonymous.bytes(display).statusCode());

        // A hidden proposal takes its photos with it.
        moderator.post("/api/proposals/" + proposalId + "/hide", Map.of("reason", "Spam")).expect(201);
        assertEquals(404, anonymous.bytes(display).statusCode());
        assertEquals(200, anna.bytes(display).statusCode(), "its author still sees it");
        moderator.post("/api/proposals/" + proposalId + "/restore", Map.of("reason", "Toch niet")).expect(201);

        bram.delete("/api/photos/" + id).expect(403);
        anna.delete("/api/photos/" + id).expect(204);
        assertEquals(404, anonymous.bytes(display).statusCode());
        anna.delete("/api/photos/" + id).expect(404);
    }

    @Test
    void commentsCarryTheirAuthorsPhotosAndHideThemWithTheComment() throws Exception {
        long proposalId = newProposal(anna, "Hondenveld");
        long commentId = bram.post("/api/proposals/" + proposalId + "/comments",
                feature(null, Map.of("body", "Zo ziet het er nu uit"))).expect(201).json().get("id").asLong();
        byte[] jpeg = TestImages.jpeg(TestImages.halves(300, 200));
        upload(anna, "/api/comments/" + commentId + "/photos", Multipart.photo(jpeg, "Veld")).expect(403);
        JsonNode photo = upload(bram, "/api/comments/" + commentId + "/photos", Multipart.photo(jpeg, "Modderig veld"))
                .expect(201).json();
        JsonNode thread = anonymous.get("/api/proposals/" + proposalId + "/comments").expect(200).json();
        JsonNode photos = thread.get("features").get(0).get("properties").get("photos");
        assertEquals("Modderig veld", photos.get(0).get("alt").asText());
        String thumb = photo.get("urls").get("thumb").asText();
        assertEquals(200, anonymous.bytes(thumb).statusCode());
        String link = server.baseUrl + photo.get("urls").get("display").asText();
        String exports = "/api/projects/" + projectId + "/exports/";
        boolean exported = false;
        for (JsonNode feature : anonymous.get(exports + "comments.geojson").expect(200).json().get("features")) {
            if (feature.get("id").asLong() == commentId) {
                assertEquals(link, feature.get("properties").get("photos").asText(), "the comments file links it");
                exported = true;
            }
        }
        assertTrue(exported);
        assertTrue(anonymous.get(exports + "comments.csv").expect(200).body().contains(link));
        moderator.post("/api/comments/" + commentId + "/hide", Map.of("reason", "Off topic")).expect(201);
        assertEquals(404, anonymous.bytes(thumb).statusCode());
        assertNull(anonymous.get("/api/proposals/" + proposalId + "/comments").json().get("features").get(0)
                .get("properties").get("photos"));
        assertFalse(anonymous.get(exports + "comments.csv").expect(200).body().contains(link), "hidden with it");
    }

    @Test
    void plannersAddPhotosToProgressUpdatesWhichTheTimelineShowsAndWhichHideWithTheirUpdate() throws Exception {
        long proposalId = newProposal(anna, "Nieuwe stoep");
        try (var c = server.dataSource.getConnection()) {
            c.createStatement().execute("UPDATE proposals SET status = 'accepted' WHERE id = " + proposalId);
        }
        long workId = planner.post("/api/projects/" + projectId + "/works", Map.of("proposalId", proposalId,
                "team", "Openbare ruimte", "plannedStart", "2026-01-01", "plannedEnd", "2026-06-01", "budget", 10000))
                .expect(201).json().get("id").asLong();
        long stepId = planner.post("/api/works/" + workId + "/steps", Map.of("step", "update", "onDate", "2026-02-01",
                "note", "Tegels liggen")).expect(201).json().get("steps").get(0).get("id").asLong();
        byte[] jpeg = TestImages.jpeg(TestImages.halves(300, 200));
        String path = "/api/work-steps/" + stepId + "/photos";
        upload(anna, path, Multipart.photo(jpeg, "Tegels")).expect(403);
        upload(planner, "/api/work-steps/999999/photos", Multipart.photo(jpeg, "Tegels")).expect(404);
        String display = upload(planner, path, Multipart.photo(jpeg, "Nieuwe tegels op de stoep")).expect(201).json()
                .get("urls").get("display").asText();
        assertEquals(200, anonymous.bytes(display).statusCode());
        JsonNode shown = anonymous.get("/api/works/" + workId).expect(200).json().get("steps").get(0).get("photos");
        assertEquals(1, shown.size(), "the timeline carries the update's photo");
        assertEquals("Nieuwe tegels op de stoep", shown.get(0).get("alt").asText());
        assertEquals(display, shown.get(0).get("urls").get("display").asText());

        moderator.post("/api/work-steps/" + stepId + "/hide", Map.of("reason", "Kenteken leesbaar")).expect(201);
        assertEquals(404, anonymous.bytes(display).statusCode());
        assertEquals(200, moderator.bytes(display).statusCode());
        assertEquals(0, anonymous.get("/api/works/" + workId).expect(200).json().get("steps").get(0).get("photos")
                .size(), "hidden with the update's note");
        assertEquals(1, moderator.get("/api/works/" + workId).expect(200).json().get("steps").get(0).get("photos")
                .size(), "staff still see it");
    }

    @Test
    void uploadsAtOnceAllLandWithinTheLimit() throws Exception {
        long proposalId = newProposal(anna, "Tegelijk");
        String path = "/api/proposals/" + proposalId + "/photos";
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(1200, 900, 7));
        var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
        var threads = new java.util.ArrayList<Thread>();
        for (int i = 0; i < 6; i++) {
            var thread = new Thread(() -> statuses.add(upload(anna, path, Multipart.photo(jpeg, "Tegel")).status()));
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(PER_ITEM, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(6 - PER_ITEM, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(PER_ITEM, anonymous.get("/api/proposals/" + proposalId).json().get("properties").get("photos")
                .size());
    }

    @Test
    void theProposalsExportsLinkToThePublicPhotosInOneColumn() throws Exception {
        long proposalId = newProposal(anna, "Boom met bankje");
        String path = "/api/proposals/" + proposalId + "/photos";
        long first = upload(anna, path, Multipart.photo(TestImages.jpeg(TestImages.halves(80, 60)), "Boom"))
                .expect(201).json().get("id").asLong();
        long second = upload(anna, path, Multipart.photo(TestImages.jpeg(TestImages.halves(80, 60)), "Bank"))
                .expect(201).json().get("id").asLong();
        moderator.post("/api/photos/" + second + "/hide", Map.of("reason", "Onscherp")).expect(201);
        String expected = server.baseUrl + "/photos/" + first + "/display.jpg";
        String exports = "/api/projects/" + projectId + "/exports/";
        JsonNode geojson = anonymous.get(exports + "proposals.geojson").expect(200).json();
        for (JsonNode feature : geojson.get("features")) {
            if (feature.get("id").asLong() == proposalId) {
                assertEquals(expected, feature.get("properties").get("photos").asText(), "hidden photos left out");
            }
        }
        String csv = anonymous.get(exports + "proposals.csv").expect(200).body();
        assertTrue(csv.lines().findFirst().orElseThrow().contains(",photos,"), csv);
        assertTrue(csv.contains(expected), csv);
        assertFalse(csv.contains("/photos/" + second + "/"), csv);
        String dictionary = anonymous.get(exports + "proposals.dictionary.json").expect(200).body();
        assertTrue(dictionary.contains("\"photos\""), dictionary);
    }
}
