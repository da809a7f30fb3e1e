package nl.plein.hotspots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SpatialWeightsTest {

    @Test
    void aPairExactlyAtTheBandAreNeighboursAndOneJustBeyondIsNot() {
        long[] ids = {1, 2, 3};
        double[] x = {0, 3, 3 + 5.001};
        double[] y = {0, 4, 4};
        var w = SpatialWeights.distanceBand(ids, x, y, 5);
        assertArrayEquals(new long[] {2}, w.neighbourIds(0));
        assertArrayEquals(new long[] {1}, w.neighbourIds(1));
        assertArrayEquals(new long[] {3}, w.islands());
    }

    @Test
    void onAHexagonalGridEveryInnerCentreHasSixNeighboursThoughRoundingMakesTheirDistancesDiffer() {
        int columns = 12;
        int n = columns * columns;
        long[] ids = new long[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int q = i % columns;
            int r = i / columns;
            ids[i] = 1000 - i;
            x[i] = 123_456.7 + 1.5 * 70 * q;
            y[i] = 456_789.1 + Math.sqrt(3) * 70 * (r + (q % 2) * 0.5);
        }
        double band = SpatialWeights.largestNearestNeighbourDistance(x, y);
        assertEquals(Math.sqrt(3) * 70, band, 1e-6);
        var w = SpatialWeights.distanceBand(ids, x, y, band);
        var k = SpatialWeights.kNearest(ids, x, y, 2);
        for (int i = 0; i < n; i++) {
            int q = i % columns;
            int r = i / columns;
            if (q > 0 && q < columns - 1 && r > 0 && r < columns - 1) {
                long[] six = w.neighbourIds(i);
                assertEquals(6, six.length, "centre " + i);
                // all six are equally near: the two lowest ids win, and the tie is reported
                Arrays.sort(six);
                long[] two = k.neighbourIds(i);
                Arrays.sort(two);
                assertArrayEquals(Arrays.copyOf(six, 2), two, "centre " + i);
                long id = ids[i];
                assertTrue(Arrays.stream(k.tiedIds()).anyMatch(t -> t == id), "centre " + i + " is tied");
            }
        }
    }

    @Test
    void pointsAtTheSameLocationAreNotNeighboursInADistanceBand() {
        long[] ids = {1, 2, 3};
        var w = SpatialWeights.distanceBand(ids, new double[] {0, 0, 10}, new double[] {0, 0, 0}, 10);
        assertArrayEquals(new long[] {3}, w.neighbourIds(0));
        assertArrayEquals(new long[] {1, 2}, w.neighbourIds(2));
    }

    @Test
    void theDefaultBandOnTheGridIsTheLargestNearestNeighbourDistanceAsInSpdep() {
        var grid = new Reference.Grid();
        double band = SpatialWeights.largestNearestNeighbourDistance(grid.x, grid.y);
        assertEquals(Reference.number(Reference.named("grid-global.csv").get("band")), band, 0.0);
    }

    @Test
    void theGridsDistanceBandHasTheSameNeighboursAsSpdepDnearneigh() {
        var grid = new Reference.Grid();
        assertSameNeighbours(Reference.neighbours("grid-band-nb.csv"), grid.band());
        assertEquals(0, grid.band().islands().length);
    }

    @Test
    void distanceBandEqualsABruteForceSearchOnTwoThousandRandomPoints() {
        var random = new SplittableRandom(7);
        int n = 2000;
        long[] ids = new long[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 100_000 - 3L * i;
            // a coarse lattice makes many distances exactly equal to the band, and some points coincide
            x[i] = random.nextInt(400) * 2.5;
            y[i] = random.nextInt(100) * 2.5;
        }
        for (double band : new double[] {2.5, 7.5, 40}) {
            var w = SpatialWeights.distanceBand(ids, x, y, band);
            for (int i = 0; i < n; i++) {
                var expected = new StringBuilder();
                for (int j = 0; j < n; j++) {
                    double d = Math.sqrt((x[j] - x[i]) * (x[j] - x[i]) + (y[j] - y[i]) * (y[j] - y[i]));
                    if (d > 0 && d <= band + 1e-6) {
                        expected.append(ids[j]).append(' ');
                    }
                }
                long[] got = w.neighbourIds(i);
                var actual = new StringBuilder();
                Arrays.stream(got).sorted().forEach(id -> actual.append(id).append(' '));
                var sortedExpected = new StringBuilder();
                Arrays.stream(expected.toString().trim().isEmpty() ? new String[0] : expected.toString().trim().split(" "))
                        .mapToLong(Long::parseLong).sorted().forEach(id -> sortedExpected.append(id).append(' '));
                assertEquals(sortedExpected.toString(), actual.toString(), "band " + band + ", point " + i);
            }
        }
    }

    @Test
    void kNearestBreaksADistanceTieByAscendingIdAndReportsTheUnit() {
        var rows = Reference.table("points.csv");
        long[] ids = Reference.ids(rows);
        var w = SpatialWeights.kNearest(ids, Reference.column(rows, "x"), Reference.column(rows, "y"), 3);
        var tied = new long[0];
        for (var e : Reference.table("points-knn-expected.csv")) {
            long id = Long.parseLong(e.get("id"));
            int i = indexOf(ids, id);
            long[] expected = {Long.parseLong(e.get("n1")), Long.parseLong(e.get("n2")), Long.parseLong(e.get("n3"))};
            Arrays.sort(expected);
            long[] actual = w.neighbourIds(i);
            Arrays.sort(actual);
            assertArrayEquals(expected, actual, "neighbours of " + id);
            if (e.get("tie").equals("1")) {
                tied = Arrays.copyOf(tied, tied.length + 1);
                tied[tied.length - 1] = id;
            }
        }
        assertTrue(tied.length > 0, "the fixture must hold a tie");
        assertArrayEquals(tied, w.tiedIds());
    }

    @Test
    void kNearestEqualsABruteForceSearchOnRandomPoints() {
        var random = new SplittableRandom(11);
        int n = 1500;
        long[] ids = new long[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = random.nextLong(1_000_000_000L) * n + i;
            x[i] = random.nextInt(200);
            y[i] = i % 3 == 0 ? random.nextInt(20) : random.nextDouble() * 5000;
        }
        int k = 6;
        var w = SpatialWeights.kNearest(ids, x, y, k);
        for (int i = 0; i < n; i++) {
            final int self = i;
            long[] expected = java.util.stream.IntStream.range(0, n).filter(j -> j != self).boxed()
                    .sorted((a, b) -> {
                        double da = (x[a] - x[self]) * (x[a] - x[self]) + (y[a] - y[self]) * (y[a] - y[self]);
                        double db = (x[b] - x[self]) * (x[b] - x[self]) + (y[b] - y[self]) * (y[b] - y[self]);
                        return da != db ? Double.compare(da, db) : Long.compare(ids[a], ids[b]);
                    })
                    .limit(k).mapToLong(j -> ids[j]).sorted().toArray();
            long[] actual = w.neighbourIds(i);
            Arrays.sort(actual);
            assertArrayEquals(expected, actual, "point " + i);
        }
    }

    @Test
    void kNearestWeightsNeedNotBeSymmetric() {
        long[] ids = {1, 2, 3, 4};
        var w = SpatialWeights.kNearest(ids, new double[] {0, 1, 3, 10}, new double[] {0, 0, 0, 0}, 1);
        assertArrayEquals(new long[] {3}, w.neighbourIds(3));
        assertArrayEquals(new long[] {2}, w.neighbourIds(2));
        assertFalse(w.isSymmetric());
    }

    @Test
    void neighbourListsAreTakenAsGivenAndAMissingListMakesAnIsland() {
        long[] ids = {10, 20, 30, 40};
        Map<Long, long[]> lists = new HashMap<>();
        lists.put(10L, new long[] {20, 30, 20});
        lists.put(20L, new long[] {10});
        lists.put(30L, new long[] {10});
        var w = SpatialWeights.fromNeighbours(ids, lists);
        assertArrayEquals(new long[] {20, 30}, w.neighbourIds(0));
        assertEquals(2.0, w.rowSum(0));
        assertArrayEquals(new long[] {40}, w.islands());
        assertTrue(w.isSymmetric());
    }

    @Test
    void thePolygonQueenListsHaveOneIsland() {
        var polygons = new Reference.Polygons();
        assertArrayEquals(new long[] {40}, polygons.queen().islands());
    }

    @Test
    void rowStandardisedRowsSumToOneAndIslandsStayEmpty() {
        var w = new Reference.Polygons().queen().rowStandardised();
        for (int i = 0; i < w.size(); i++) {
            assertEquals(w.neighbourIds(i).length == 0 ? 0.0 : 1.0, w.rowSum(i), 1e-15, "row " + i);
        }
        assertFalse(w.isBinary());
    }

    @Test
    void withSelfPutsAOneOnTheDiagonalOnlyOnce() {
        var w = new Reference.Grid().queen();
        var self = w.withSelf();
        for (int i = 0; i < w.size(); i++) {
            assertEquals(1.0, self.weight(i, i));
            assertEquals(w.rowSum(i) + 1, self.rowSum(i));
        }
        assertEquals(self.rowSum(5), self.withSelf().rowSum(5));
        assertEquals(0, self.islands().length);
    }

    @Test
    void impossibleInputIsRefusedWithAMessageNamingTheParameter() {
        long[] ids = {1, 2, 3};
        double[] x = {0, 1, 2};
        double[] y = {0, 0, 0};
        refused(() -> SpatialWeights.distanceBand(ids, x, y, 0), "band");
        refused(() -> SpatialWeights.distanceBand(ids, x, y, -1), "band");
        refused(() -> SpatialWeights.distanceBand(ids, x, y, Double.NaN), "band");
        refused(() -> SpatialWeights.kNearest(ids, x, y, 0), "k");
        refused(() -> SpatialWeights.kNearest(ids, x, y, 3), "k");
        refused(() -> SpatialWeights.kNearest(new long[] {1, 2}, new double[] {0, 1}, new double[] {0, 0}, 1), "ids");
        refused(() -> SpatialWeights.distanceBand(ids, new double[] {0, Double.NaN, 1}, y, 1), "x and y");
        refused(() -> SpatialWeights.distanceBand(ids, new double[] {0, 1}, y, 1), "x and y");
        refused(() -> SpatialWeights.fromNeighbours(new long[] {1, 2, 2}, Map.of()), "ids");
        refused(() -> SpatialWeights.fromNeighbours(ids, Map.of(1L, new long[] {9})), "neighbours");
        refused(() -> SpatialWeights.fromNeighbours(ids, Map.of(1L, new long[] {1})), "neighbours");
        refused(() -> SpatialWeights.largestNearestNeighbourDistance(new double[] {1, 1}, new double[] {2, 2}), "x and y");
    }

    static void refused(Executable call, String parameter) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(parameter + " "), "message should name " + parameter + ": " + e.getMessage());
    }

    static void assertSameNeighbours(Map<Long, long[]> expected, SpatialWeights w) {
        long[] ids = w.ids();
        for (int i = 0; i < ids.length; i++) {
            long[] want = expected.getOrDefault(ids[i], new long[0]).clone();
            Arrays.sort(want);
            long[] got = w.neighbourIds(i);
            Arrays.sort(got);
            assertArrayEquals(want, got, "neighbours of " + ids[i]);
        }
    }

    static int indexOf(long[] ids, long id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        throw new AssertionError("no id " + id);
    }
}
