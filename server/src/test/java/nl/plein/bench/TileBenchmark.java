package nl.plein.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import nl.plein.App;
import nl.plein.config.Config;
import nl.plein.db.Jdbis;
import nl.plein.vectortiles.VectorTileStore;

/**
 * Measures {@code /tiles/proposals/{z}/{x}/{y}} over real HTTP on 100,000 proposals in one project
 * ({@link BlobProposals}): tiles at zoom 12 to 16 over the data, each asked for {@value #RUNS} times
 * without a cached copy and gzipped as browsers ask, median and 95th percentile per zoom. Not a test: run it with
 * {@code ./plein bench tiles [PROPOSALS]}.
 */
public final class TileBenchmark {
    private static final int RUNS = 3;
    /** Passes over every measured tile before measuring (about 260 requests each). */
    private static final int WARM_UP_PASSES = 4;
    /** Tiles per zoom when there are more: a seeded sample, the same in every run. */
    private static final int SAMPLE = 60;

    public static void main(String[] args) throws Exception {
        int proposals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        BenchDatabase.run(4, dataSource -> {
            long start = System.nanoTime();
            long project = BlobProposals.generate(dataSource, proposals);
            double[] box = Jdbis.create(dataSource).withHandle(h -> h.createQuery(
                    "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)"
                    + " FROM (SELECT ST_Extent(geom) AS e FROM proposals WHERE project_id = :project) s")
                    .bind("project", project)
                    .map((rs, ctx) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
                    .one());
            System.out.printf(Locale.ROOT, "%nVector tiles over %,d proposals (generated in %.1f s)%n", proposals,
                    (System.nanoTime() - start) / 1e9);
            var env = Map.of("PLEIN_DEMO_CONTENT", "false", "PLEIN_DATA_DIR", "server/target/bench-data");
            var app = App.create(Config.fromEnvironment(env), dataSource).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port() + "/tiles/proposals/";
                String query = "?project=" + project;
                var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                // Warm-up, so that what is measured is a server that has been running a while: classes
                // loaded, the JIT done with the request path, each pooled connection's PROJ set up.
                for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
                    for (int z = 12; z <= 16; z++) {
                        for (String tile : tiles(box, z, SAMPLE)) {
                            fetch(client, base + tile + query);
                        }
                    }
                }
                for (int z = 12; z <= 16; z++) {
                    var tiles = tiles(box, z, SAMPLE);
                    long busiest = 0;
                    for (String tile : tiles) {
                        busiest = Math.max(busiest, proposalsIn(dataSource, project, tile));
                    }
                    measure(client, z, tiles, base, query, busiest);
                }
            } finally {
                app.stop();
            }
        });
    }

    /** The tiles z/x/y over the box (lon/lat), or a seeded sample of {@code max} of them. */
    private static List<String> tiles(double[] box, int z, int max) {
        int x0 = column(box[0], z);
        int x1 = column(box[2], z);
        int y0 = row(box[3], z);
        int y1 = row(box[1], z);
        var all = new ArrayList<String>();
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                all.add(z + "/" + x + "/" + y);
            }
        }
        if (all.size() > max) {
            Collections.shuffle(all, new Random(z));
            return all.subList(0, max);
        }
        return all;
    }

    private static int column(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    private static int row(double lat, int z) {
        double phi = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * (1 << z));
    }

    /** How many proposals lie in the tile (with its buffer), as the tile's statement selects them. */
    private static long proposalsIn(DataSource dataSource, long project, String tile) {
        int[] t = Arrays.stream(tile.split("/")).mapToInt(Integer::parseInt).toArray();
        return Jdbis.create(dataSource).withHandle(h -> h.createQuery("SELECT count(*) FROM proposals"
                + " WHERE project_id = :project AND geom && ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => :margin), 4326)")
                .bind("project", project).bind("z", t[0]).bind("x", t[1]).bind("y", t[2])
                .bind("margin", (double) VectorTileStore.BUFFER / VectorTileStore.EXTENT).mapTo(Long.class).one());
    }

    private static void measure(HttpClient client, int z, List<String> tiles, String base, String query,
            long busiest) throws Exception {
        double[] ms = new double[tiles.size() * RUNS];
        long bytes = 0;
        long largest = 0;
        int empty = 0;
        int i = 0;
        for (String tile : tiles) {
            for (int run = 0; run < RUNS; run++) {
                long t = System.nanoTime();
                int size = fetch(client, base + tile + query);
                ms[i++] = (System.nanoTime() - t) / 1e6;
                if (run == 0) {
                    bytes += size;
                    largest = Math.max(largest, size);
                    empty += size == 0 ? 1 : 0;
                }
            }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "  zoom %2d: %3d tiles (%2d empty), busiest %,6d proposals, gzipped %6.1f KB mean,"
                + " %6.1f KB largest   median %5.1f ms   p95 %5.1f ms   max %5.1f ms  (%d requests)%n", z, tiles.size(),
                empty, busiest, bytes / 1024.0 / tiles.size(), largest / 1024.0, ms[ms.length / 2],
                ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1], ms.length);
    }

    /** The tile's size in bytes, 0 for an empty tile (204); anything else fails the run. */
    private static int fetch(HttpClient client, String url) throws Exception {
        // as a browser asks: compressed, and HttpClient does not unpack it, so the size is what travels
        var response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 204) {
            return 0;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + new String(response.body()));
        }
        return response.body().length;
    }
}
