package nl.plein.hotspots;

import static nl.plein.hotspots.SpatialWeightsTest.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GetisOrdGiStarTest {

    @Test
    void zAndPMatchSpdepLocalGWithSelfOnTheQueenGrid() {
        var grid = new Reference.Grid();
        assertMatchesSpdep(GetisOrdGiStar.compute(grid.queen(), grid.values), grid.expected, grid.ids, "queen");
    }

    @Test
    void zAndPMatchSpdepLocalGWithSelfOnTheDefaultDistanceBand() {
        var grid = new Reference.Grid();
        assertMatchesSpdep(GetisOrdGiStar.compute(grid.band(), grid.values), grid.expected, grid.ids, "band");
    }

    @Test
    void zAndPMatchSpdepOnIrregularPolygonsWhereTheIslandIsAPlainStandardScore() {
        var polygons = new Reference.Polygons();
        var result = GetisOrdGiStar.compute(polygons.queen(), polygons.values);
        assertMatchesSpdep(result, polygons.expected, polygons.ids, "queen");
        assertArrayEquals(new long[] {40}, result.islands());
    }

    @Test
    void rowStandardisedWeightsAreRefusedBecauseGiStarIsDefinedOnBinaryWeights() {
        var grid = new Reference.Grid();
        refused(() -> GetisOrdGiStar.compute(grid.queen().rowStandardised(), grid.values), "weights");
    }

    @Test
    void thePlantedHotSpotIsPlusThreeThroughoutTheBlockAndTheColdSpotCentreMinusThree() {
        var grid = new Reference.Grid();
        int[] classes = GetisOrdGiStar.compute(grid.queen(), grid.values).classes();
        int hot = 0;
        for (int i = 0; i < classes.length; i++) {
            if (grid.hot(i)) {
                assertEquals(3, classes[i], "hot cell " + grid.ids[i]);
                hot++;
            }
        }
        assertEquals(9, hot);
        int centre = indexOfCell(grid, 7, 6);
        assertTrue(grid.cold(centre));
        assertEquals(-3, classes[centre]);
    }

    @Test
    void theSameSeedGivesTheSamePermutationPAndAnotherSeedAnother() {
        var grid = new Reference.Grid();
        var a = GetisOrdGiStar.compute(grid.queen(), grid.values, 999, 42L);
        var b = GetisOrdGiStar.compute(grid.queen(), grid.values, 999, 42L);
        var c = GetisOrdGiStar.compute(grid.queen(), grid.values, 999, 43L);
        assertArrayEquals(a.permutationP(), b.permutationP());
        assertFalse(Arrays.equals(a.permutationP(), c.permutationP()));
        assertArrayEquals(a.z(), c.z());
    }

    @Test
    void permutationPLiesBetweenOneOverRPlusOneAndOne() {
        var grid = new Reference.Grid();
        int r = 99;
        var result = GetisOrdGiStar.compute(grid.band(), grid.values, r, 1L);
        for (double p : result.permutationP()) {
            assertTrue(p >= 1.0 / (r + 1) && p <= 1, "p " + p);
        }
        for (double p : result.permutationPAdjusted()) {
            assertTrue(p >= 1.0 / (r + 1) && p <= 1, "adjusted p " + p);
        }
    }

    @Test
    void permutationPIsAtItsSmallestInThePlantedHotSpotAndItsClassesMarkIt() {
        var grid = new Reference.Grid();
        int r = 999;
        var result = GetisOrdGiStar.compute(grid.queen(), grid.values, r, 2026L);
        double[] p = result.permutationP();
        int[] classes = result.classes(PValue.PERMUTATION);
        int centre = indexOfCell(grid, 2, 2);
        assertEquals(1.0 / (r + 1), p[centre]);
        for (int i = 0; i < p.length; i++) {
            if (grid.hot(i)) {
                assertTrue(p[i] < 0.05, "hot cell " + grid.ids[i] + " p " + p[i]);
                assertTrue(classes[i] > 0, "hot cell " + grid.ids[i]);
            }
        }
    }

    @Test
    void anIslandsPermutationPIsOneBecauseItHasNoNeighbourhoodToShuffle() {
        var polygons = new Reference.Polygons();
        var result = GetisOrdGiStar.compute(polygons.queen(), polygons.values, 99, 5L);
        assertEquals(1.0, result.permutationP()[polygons.ids.length - 1]);
    }

    @Test
    void classesFromPermutationsNeedPermutations() {
        var grid = new Reference.Grid();
        var result = GetisOrdGiStar.compute(grid.queen(), grid.values);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> result.classes(PValue.PERMUTATION));
        assertEquals(0, result.permutationP().length);
    }

    @Test
    void impossibleInputIsRefusedWithAMessageNamingTheParameter() {
        var grid = new Reference.Grid();
        var w = grid.queen();
        refused(() -> GetisOrdGiStar.compute(w, new double[100]), "values");
        refused(() -> GetisOrdGiStar.compute(w, Arrays.copyOf(grid.values, 99)), "values");
        double[] withNaN = grid.values.clone();
        withNaN[17] = Double.NaN;
        refused(() -> GetisOrdGiStar.compute(w, withNaN), "values");
        refused(() -> GetisOrdGiStar.compute(w, grid.values, -1, 0L), "permutations");
    }

    private static void assertMatchesSpdep(GetisOrdGiStar.Result result, java.util.List<java.util.Map<String, String>> expected,
            long[] ids, String prefix) {
        assertArrayEquals(ids, result.ids());
        Reference.assertAllClose(Reference.column(expected, prefix + "_gi_z"), result.z(), ids, "z");
        Reference.assertAllCloseP(Reference.column(expected, prefix + "_gi_p"), result.p(), ids, "p");
        Reference.assertAllCloseP(Reference.column(expected, prefix + "_gi_padj"), result.pAdjusted(), ids, "BH p");
        int[] bins = expected.stream().mapToInt(r -> Integer.parseInt(r.get(prefix + "_gi_bin"))).toArray();
        assertArrayEquals(bins, result.classes());
    }

    static int indexOfCell(Reference.Grid grid, int row, int col) {
        for (int i = 0; i < grid.rows.size(); i++) {
            if (grid.rows.get(i).get("row").equals(String.valueOf(row)) && grid.rows.get(i).get("col").equals(String.valueOf(col))) {
                return i;
            }
        }
        throw new AssertionError("no cell " + row + "," + col);
    }
}
