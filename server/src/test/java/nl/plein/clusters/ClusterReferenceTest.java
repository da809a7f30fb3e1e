package nl.plein.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.Selection;
import nl.plein.analysis.SmallCounts;
import nl.plein.db.Jdbis;
import nl.plein.support.TestPostgis;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DBSCAN clusters against scikit-learn's, computed once on the same points (see
 * {@code src/test/resources/clusters/reference.py}), and two named fixtures: a chain of points
 * exactly eps apart (the neighbourhood is inclusive) and a border point reachable from two clusters
 * (either cluster may take it). Clusters are compared after relabelling: core points and noise must
 * match exactly; a border point must sit in a cluster that has a core point within eps of it.
 */
class ClusterReferenceTest {
    private static final double EPS = 100;

    static HikariDataSource dataSource;
    static Jdbi jdbi;
    static Analyses analyses;
    static final Clusters CLUSTERS = new Clusters();
    static long project;
    static Map<Integer, double[]> points = new HashMap<>();
    static Map<Integer, int[]> expected = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        dataSource = TestPostgis.freshDatabase();
        jdbi = Jdbis.create(dataSource);
        analyses = new Analyses(jdbi, Duration.ofSeconds(20), ZoneId.of("Europe/Amsterdam"),
                new SmallCounts(SmallCounts.DEFAULT_THRESHOLD), 64);
        for (String[] r : csv("fixture.csv")) {
            points.put(Integer.parseInt(r[0]), new double[] {Double.parseDouble(r[1]), Double.parseDouble(r[2])});
        }
        for (String[] r : csv("expected.csv")) {
            expected.put(Integer.parseInt(r[0]), new int[] {Integer.parseInt(r[1]), r[2].equals("true") ? 1 : 0});
        }
        project = jdbi.inTransaction(h -> {
            // A boundary set in RD New under the project, so the project is analysed in metres of RD New.
            long set = h.createQuery("INSERT INTO area_sets (name, metric_srid) VALUES ('Eindhoven', 28992) RETURNING id")
                    .mapTo(Long.class).one();
            h.createUpdate("INSERT INTO areas (area_set_id, code, name, geom) VALUES (:set, 'E', 'Eindhoven',"
                    + " ST_Multi(ST_Transform(ST_MakeEnvelope(155000, 378000, 170000, 390000, 28992), 4326)))")
                    .bind("set", set).execute();
            long author = h.createQuery("INSERT INTO accounts (email, password_hash, display_name) VALUES"
                    + " ('a@test.example', 'x', 'A') RETURNING id").mapTo(Long.class).one();
            long p = h.createQuery("INSERT INTO projects (title, area) VALUES ('Clusters',"
                    + " ST_Multi(ST_Transform(ST_MakeEnvelope(156000, 379000, 169000, 389000, 28992), 4326))) RETURNING id")
                    .mapTo(Long.class).one();
            for (var e : points.entrySet()) {
                addPoint(h, p, author, "P" + e.getKey(), e.getValue()[0], e.getValue()[1]);
            }
            return p;
        });
    }

    private static void addPoint(Handle h, long projectId, long author, String title, double x, double y) {
        h.createUpdate("INSERT INTO proposals (project_id, author_id, title, geom, status) VALUES (:project, :author,"
                + " :title, ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), 28992), 4326), 'published')")
                .bind("project", projectId).bind("author", author).bind("title", title).bind("x", x).bind("y", y)
                .execute();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    /** Each proposal title's cluster number; noise is absent. */
    private static Map<String, Integer> membership(Clusters.Result result) {
        var cluster = new HashMap<String, Integer>();
        for (var c : result.clusters()) {
            for (String title : c.titles()) {
                cluster.put(title, c.number());
            }
        }
        return cluster;
    }

    @Test
    void clustersMatchScikitLearnUpToLabelsWithBorderPointsInAnyReachableCluster() {
        var result = analyses.run(CLUSTERS, project, new ClusterParameters(EPS, 5, Selection.ALL));
        var got = membership(result);

        assertEquals(28992, result.srid());
        assertEquals(points.size(), result.proposals());
        long expectedClusters = expected.values().stream().filter(e -> e[0] >= 0).map(e -> e[0]).distinct().count();
        assertEquals(expectedClusters, result.clusters().size());
        var labelToCluster = new HashMap<Integer, Integer>();
        var clusterToLabel = new HashMap<Integer, Integer>();
        int noise = 0;
        for (var e : expected.entrySet()) {
            int id = e.getKey();
            int label = e.getValue()[0];
            Integer cluster = got.get("P" + id);
            if (label < 0) {
                assertNull(cluster, "P" + id + " is noise");
                noise++;
            } else if (e.getValue()[1] == 1) {
                assertNotNull(cluster, "core point P" + id + " is in a cluster");
                assertEquals(labelToCluster.computeIfAbsent(label, l -> cluster), cluster, "P" + id);
                assertEquals(clusterToLabel.computeIfAbsent(cluster, k -> label), label, "P" + id);
            }
        }
        assertEquals(noise, result.noise());
        for (var e : expected.entrySet()) {
            if (e.getValue()[0] >= 0 && e.getValue()[1] == 0) {
                int id = e.getKey();
                Integer cluster = got.get("P" + id);
                assertNotNull(cluster, "border point P" + id + " is in a cluster");
                assertTrue(hasCoreWithinEps(id, clusterToLabel.get(cluster)),
                        "border point P" + id + " sits in a cluster with a core point within eps");
            }
        }
    }

    private static boolean hasCoreWithinEps(int id, int label) {
        double[] p = points.get(id);
        for (var e : expected.entrySet()) {
            if (e.getValue()[0] == label && e.getValue()[1] == 1) {
                double[] q = points.get(e.getKey());
                if (Math.hypot(p[0] - q[0], p[1] - q[1]) <= EPS) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void pointsExactlyEpsApartAreNeighbours() {
        long chain = jdbi.inTransaction(h -> {
            long author = h.createQuery("SELECT min(id) FROM accounts").mapTo(Long.class).one();
            long p = h.createQuery("INSERT INTO projects (title, area) SELECT 'Chain', area FROM projects WHERE id = :id"
                    + " RETURNING id").bind("id", project).mapTo(Long.class).one();
            for (int k = 0; k < 5; k++) {
                addPoint(h, p, author, "C" + k, 158000 + k * EPS, 380000.125);
            }
            return p;
        });

        var inclusive = analyses.run(CLUSTERS, chain, new ClusterParameters(EPS, 3, Selection.ALL));
        var shorter = analyses.run(CLUSTERS, chain, new ClusterParameters(EPS - 0.01, 3, Selection.ALL));

        assertEquals(1, inclusive.clusters().size(), "each inner point has three within eps, itself included");
        assertEquals(5, inclusive.clusters().get(0).members());
        assertEquals(0, shorter.clusters().size());
        assertEquals(5, shorter.noise());
    }

    @Test
    void theBorderPointBetweenTwoClustersJoinsOneOfThem() {
        var got = membership(analyses.run(CLUSTERS, project, new ClusterParameters(EPS, 5, Selection.ALL)));
        // the point midway between the two rows of reference.py
        Integer cluster = got.get("P" + idAt(164095, 383500));
        Integer left = got.get("P" + idAt(164000, 383500));
        Integer right = got.get("P" + idAt(164190, 383500));

        assertNotNull(cluster);
        assertTrue(cluster.equals(left) || cluster.equals(right));
        assertNotEquals(left, right, "the rows stay two clusters");
    }

    private static int idAt(double x, double y) {
        return points.entrySet().stream().filter(e -> e.getValue()[0] == x && e.getValue()[1] == y)
                .findFirst().orElseThrow().getKey();
    }

    private static List<String[]> csv(String name) throws IOException {
        var rows = new ArrayList<String[]>();
        try (var in = ClusterReferenceTest.class.getResourceAsStream("/clusters/" + name);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        }
        return rows;
    }
}
