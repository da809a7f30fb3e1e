package nl.plein.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.plein.App;
import nl.plein.config.Config;
import nl.plein.http.Json;

/**
 * Measures the OGC API – Features over real HTTP on 100,000 proposals in one project
 * ({@link BlobProposals}): pages of proposals at the start, middle and end of the collection, in
 * CRS84 and RD New, a bbox page, and the clusters and hot-spot cells (their first, computing request
 * and the cached ones after), then GDAL's OAPIF driver copying every proposal into a GeoPackage by
 * following next links, as a planner's QGIS would. Not a test: run it with
 * {@code ./plein bench ogc [PROPOSALS]}.
 */
public final class OgcBenchmark {
    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        int proposals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        BenchDatabase.run(4, dataSource -> {
            long start = System.nanoTime();
            long project = BlobProposals.generate(dataSource, proposals);
            System.out.printf(Locale.ROOT, "%nOGC API – Features over %,d proposals (generated in %.1f s)%n", proposals,
                    (System.nanoTime() - start) / 1e9);
            var env = Map.of("PLEIN_DEMO_CONTENT", "false", "PLEIN_DATA_DIR", "server/target/bench-data");
            var app = App.create(Config.fromEnvironment(env), dataSource).start("127.0.0.1", 0);
            try {
                String ogc = "http://127.0.0.1:" + app.port() + "/ogc";
                String items = ogc + "/collections/proposals-" + project + "/items";
                var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                get(client, items + "?limit=1000"); // warm-up: classes, JIT, PROJ
                String rd = "&crs=" + java.net.URLEncoder.encode("http://www.opengis.net/def/crs/EPSG/0/28992",
                        StandardCharsets.UTF_8);
                int last = Math.max(0, proposals - 1000);
                measure(client, "proposals, first page of 1,000", items + "?limit=1000");
                measure(client, "proposals, page of 1,000 at the middle", items + "?limit=1000&offset=" + proposals / 2);
                measure(client, "proposals, last page of 1,000", items + "?limit=1000&offset=" + last);
                measure(client, "proposals, first page of 1,000 in RD New", items + "?limit=1000" + rd);
                measure(client, "proposals, bbox of 1 km², page of 1,000",
                        items + "?limit=1000&bbox=5.1611,52.0786,5.1756,52.0876");
                measure(client, "proposals, one feature", items + "/" + firstId(client, items));
                once(client, "clusters, first request (DBSCAN computed)", ogc + "/collections/clusters-" + project
                        + "/items?limit=1000");
                measure(client, "clusters, cached", ogc + "/collections/clusters-" + project + "/items?limit=1000");
                once(client, "hot-spot cells (500 m), first request (Gi* computed)", ogc + "/collections/hotspots-"
                        + project + "/items?limit=1000&size=500");
                measure(client, "hot-spot cells (500 m), cached, page of 1,000", ogc + "/collections/hotspots-" + project
                        + "/items?limit=1000&size=500");
                gdal(ogc, "proposals-" + project, proposals);
            } finally {
                app.stop();
            }
        });
    }

    private static long firstId(HttpClient client, String items) throws Exception {
        var body = Json.parse(get(client, items + "?limit=1").body());
        return body.get("features").get(0).get("id").asLong();
    }

    private static void measure(HttpClient client, String what, String url) throws Exception {
        double[] ms = new double[RUNS];
        int bytes = 0;
        long matched = -1;
        for (int run = 0; run < RUNS; run++) {
            long t = System.nanoTime();
            var response = get(client, url);
            ms[run] = (System.nanoTime() - t) / 1e6;
            bytes = response.body().length;
            if (run == 0) {
                matched = returned(response.body());
            }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "  %-55s median %7.1f ms   max %7.1f ms   %,9d bytes   %s%n", what,
                ms[RUNS / 2], ms[RUNS - 1], bytes, matched < 0 ? "" : matched + " features");
    }

    private static void once(HttpClient client, String what, String url) throws Exception {
        long t = System.nanoTime();
        var response = get(client, url);
        System.out.printf(Locale.ROOT, "  %-55s         %7.1f ms   %,9d bytes   %d of %d features%n", what,
                (System.nanoTime() - t) / 1e6, response.body().length, returned(response.body()),
                Json.parse(response.body()).get("numberMatched").asLong());
    }

    private static long returned(byte[] body) {
        var json = Json.parse(body);
        return json.has("numberReturned") ? json.get("numberReturned").asLong() : -1;
    }

    private static HttpResponse<byte[]> get(HttpClient client, String url) throws Exception {
        var response = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + new String(response.body(),
                    StandardCharsets.UTF_8));
        }
        return response;
    }

    /** ogr2ogr copies the whole collection into a GeoPackage, page by page (1,000 a page) through next links. */
    private static void gdal(String ogc, String layer, int proposals) throws IOException, InterruptedException {
        Path gpkg = Files.createDirectories(Path.of("server", "target", "bench-data")).resolve(layer + ".gpkg");
        Files.deleteIfExists(gpkg);
        long t = System.nanoTime();
        var process = new ProcessBuilder("ogr2ogr", "-f", "GPKG", "-oo", "PAGE_SIZE=1000", gpkg.toString(),
                "OAPIF:" + ogc, layer).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("ogr2ogr failed: " + output);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        var info = new ProcessBuilder("ogrinfo", "-ro", "-so", gpkg.toString(), layer).redirectErrorStream(true).start();
        String summary = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        info.waitFor();
        String count = summary.lines().filter(l -> l.startsWith("Feature Count:")).findFirst().orElse("no count");
        System.out.printf(Locale.ROOT, "  ogr2ogr OAPIF → GeoPackage, all %,d proposals: %.1f s (%s)%n", proposals,
                seconds, count);
    }
}
