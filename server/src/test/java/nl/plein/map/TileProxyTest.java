package nl.plein.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.plein.support.StandIn;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basemap tiles come from Plein's own origin, cached on disk, and never break the page. */
class TileProxyTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private TestServer server(String upstreamBase) {
        return TestServer.start(Map.of("PLEIN_DATA_DIR", dataDir.toString(),
                "PLEIN_BASEMAP_URL", upstreamBase + "/t/{z}/{x}/{y}.png"));
    }

    private static HttpResponse<byte[]> get(TestServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] redTile() throws IOException {
        var image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xffff0000);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void assertTransparentTile(HttpResponse<byte[]> response) throws IOException {
        assertEquals(200, response.statusCode());
        assertEquals("image/png", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("public, max-age=60", response.headers().firstValue("Cache-Control").orElseThrow());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertEquals(256, image.getWidth());
        assertEquals(256, image.getHeight());
        for (int x = 0; x < 256; x += 15) {
            for (int y = 0; y < 256; y += 15) {
                assertEquals(0, image.getRGB(x, y) >>> 24, "fully transparent at " + x + "," + y);
            }
        }
    }

    @Test
    void aTileIsFetchedOnceThenServedFromTheCache() throws Exception {
        byte[] png = redTile();
        try (var upstream = new StandIn(new StandIn.Answer(200, "image/png", png)); var server = server(upstream.baseUrl())) {
            var first = get(server, "/tiles/3/4/2.png");
            assertEquals(200, first.statusCode());
            assertArrayEquals(png, first.body());
            assertEquals("image/png", first.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("public, max-age=86400", first.headers().firstValue("Cache-Control").orElseThrow());
            assertEquals(1, upstream.requests().size());
            assertTrue(upstream.requests().get(0).startsWith("/t/3/4/2.png UA=Plein/0.1"), upstream.requests().toString());
            assertArrayEquals(png, Files.readAllBytes(dataDir.resolve("tiles/pdok/3/4/2.png")));

            var second = get(server, "/tiles/3/4/2.png");
            assertArrayEquals(png, second.body());
            assertEquals(1, upstream.requests().size(), "the second request is served from the cache");
        }
    }

    @Test
    void anUnreachableProviderGivesATransparentTileAtOnce() throws Exception {
        try (var server = server(StandIn.unreachableBaseUrl())) {
            long start = System.nanoTime();
            var response = get(server, "/tiles/12/2100/1350.png");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTransparentTile(response);
            assertTrue(millis < 2000, "answered in " + millis + " ms");
        }
    }

    @Test
    void afterAFailureTheProviderIsLeftAloneForAWhile() throws Exception {
        try (var upstream = new StandIn(new StandIn.Answer(503, "text/plain", "busy".getBytes()));
             var server = server(upstream.baseUrl())) {
            assertTransparentTile(get(server, "/tiles/5/1/1.png"));
            assertEquals(1, upstream.requests().size());
            upstream.answer(new StandIn.Answer(200, "image/png", redTile()));
            assertTransparentTile(get(server, "/tiles/5/1/2.png"));
            assertEquals(1, upstream.requests().size(), "no second try within 30 s");
        }
    }

    @Test
    void tilesThatCannotExistAreNotFound() throws Exception {
        try (var upstream = new StandIn(new StandIn.Answer(200, "image/png", redTile())); var server = server(upstream.baseUrl())) {
            for (String path : new String[] {"/tiles/21/0/0.png", "/tiles/2/4/0.png", "/tiles/2/0/4.png",
                    "/tiles/2/-1/0.png", "/tiles/z/0/0.png", "/tiles/0/0/00000000.png"}) {
                var response = get(server, path);
                assertEquals(404, response.statusCode(), path);
                assertTrue(response.headers().firstValue("Content-Type").orElseThrow()
                        .startsWith("application/problem+json"), path);
            }
            assertEquals(0, upstream.requests().size());
            assertEquals(200, get(server, "/tiles/2/3/3.png").statusCode(), "the last tile of zoom 2 exists");
        }
    }
}
