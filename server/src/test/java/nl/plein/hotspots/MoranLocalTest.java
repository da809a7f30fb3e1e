package nl.plein.hotspots;

import static nl.plein.hotspots.GetisOrdGiStarTest.indexOfCell;
import static nl.plein.hotspots.SpatialWeightsTest.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.plein.hotspots.MoranLocal.Cluster;
import org.junit.jupiter.api.Test;

class MoranLocalTest {

    @Test
    void localIItsExpectationVarianceZAndPMatchSpdepLocalmoranOnTheQueenGrid() {
        var grid = new Reference.Grid();
        assertMatchesSpdep(MoranLocal.compute(grid.queen(), grid.values, 0, 0L), grid.expected, grid.ids);
    }

    @Test
    void onIrregularPolygonsTheIslandHasIZeroAndNoZAsInSpdep() {
        var polygons = new Reference.Polygons();
        var result = MoranLocal.compute(polygons.queen(), polygons.values, 0, 0L);
        assertMatchesSpdep(result, polygons.expected, polygons.ids);
        assertEquals(0.0, result.local()[12]);
        assertTrue(Double.isNaN(result.p()[12]));
        assertArrayEquals(new long[] {40}, result.islands());
    }

    @Test
    void clusterTypesAreThoseOfSpdepWhereItsBhAdjustedAnalyticPIsBelowFivePercent() {
        var grid = new Reference.Grid();
        var clusters = MoranLocal.compute(grid.queen(), grid.values, 0, 0L).clusters(0.05, PValue.ANALYTIC);
        var expected = grid.expected.stream().map(r -> Cluster.valueOf(r.get("queen_li_cluster"))).toArray(Cluster[]::new);
        assertArrayEquals(expected, clusters);
        assertTrue(Arrays.asList(expected).contains(Cluster.HH) && Arrays.asList(expected).contains(Cluster.LL),
                "the planted spots should give HH and LL clusters");
    }

    @Test
    void aStricterAlphaNeverAddsClusters() {
        var grid = new Reference.Grid();
        var result = MoranLocal.compute(grid.queen(), grid.values, 999, 3L);
        for (var source : PValue.values()) {
            var loose = result.clusters(0.10, source);
            var usual = result.clusters(0.05, source);
            var strict = result.clusters(0.01, source);
            for (int i = 0; i < loose.length; i++) {
                if (strict[i] != Cluster.NOT_SIGNIFICANT) {
                    assertEquals(strict[i], usual[i]);
                }
                if (usual[i] != Cluster.NOT_SIGNIFICANT) {
                    assertEquals(usual[i], loose[i]);
                }
            }
        }
        refused(() -> result.clusters(0.2, PValue.ANALYTIC), "alpha");
    }

    @Test
    void theSameSeedGivesTheSamePermutationPAndAnotherSeedAnother() {
        var grid = new Reference.Grid();
        var a = MoranLocal.compute(grid.queen(), grid.values, MoranLocal.DEFAULT_PERMUTATIONS, 77L);
        var b = MoranLocal.compute(grid.queen(), grid.values, MoranLocal.DEFAULT_PERMUTATIONS, 77L);
        var c = MoranLocal.compute(grid.queen(), grid.values, MoranLocal.DEFAULT_PERMUTATIONS, 78L);
        assertArrayEquals(a.permutationP(), b.permutationP());
        assertArrayEquals(a.clusters(), b.clusters());
        assertFalse(Arrays.equals(a.permutationP(), c.permutationP()));
    }

    @Test
    void permutationPLiesBetweenOneOverRPlusOneAndOne() {
        var polygons = new Reference.Polygons();
        int r = 49;
        var result = MoranLocal.compute(polygons.queen(), polygons.values, r, 8L);
        for (double p : result.permutationP()) {
            assertTrue(p >= 1.0 / (r + 1) && p <= 1, "p " + p);
        }
        assertEquals(1.0, result.permutationP()[12], "the island");
    }

    @Test
    void inThePlantedHotSpotPermutationPIsSmallAndTheCentreIsAHighHighCluster() {
        var grid = new Reference.Grid();
        int r = MoranLocal.DEFAULT_PERMUTATIONS;
        var result = MoranLocal.compute(grid.queen(), grid.values, r, 2026L);
        int centre = indexOfCell(grid, 2, 2);
        assertEquals(1.0 / (r + 1), result.permutationP()[centre]);
        assertEquals(Cluster.HH, result.clusters()[centre]);
        for (int i = 0; i < grid.ids.length; i++) {
            if (grid.hot(i)) {
                assertTrue(result.permutationP()[i] < 0.05, "hot cell " + grid.ids[i]);
            }
        }
        assertEquals(Cluster.LL, result.clusters()[indexOfCell(grid, 7, 6)]);
    }

    @Test
    void permutationsCanBeSkippedButThenOnlyAnalyticClustersExist() {
        var grid = new Reference.Grid();
        var result = MoranLocal.compute(grid.queen(), grid.values, 0, 0L);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, result::clusters);
        assertEquals(0, result.permutations());
    }

    @Test
    void impossibleInputIsRefusedWithAMessageNamingTheParameter() {
        var grid = new Reference.Grid();
        refused(() -> MoranLocal.compute(grid.queen(), grid.values, -1, 0L), "permutations");
        refused(() -> MoranLocal.compute(grid.queen().withSelf(), grid.values, 0, 0L), "weights");
        double[] infinite = grid.values.clone();
        infinite[3] = Double.POSITIVE_INFINITY;
        refused(() -> MoranLocal.compute(grid.queen(), infinite, 0, 0L), "values");
        refused(() -> MoranLocal.compute(null, grid.values, 0, 0L), "weights");
        refused(() -> MoranLocal.compute(grid.queen(), null, 0, 0L), "values");
    }

    private static void assertMatchesSpdep(MoranLocal.Result result, List<Map<String, String>> expected, long[] ids) {
        assertArrayEquals(ids, result.ids());
        Reference.assertAllClose(Reference.column(expected, "queen_li_i"), result.local(), ids, "I_i");
        Reference.assertAllClose(Reference.column(expected, "queen_li_e"), result.expected(), ids, "E[I_i]");
        Reference.assertAllClose(Reference.column(expected, "queen_li_var"), result.variance(), ids, "Var[I_i]");
        Reference.assertAllClose(Reference.column(expected, "queen_li_z"), result.zScore(), ids, "z");
        Reference.assertAllCloseP(Reference.column(expected, "queen_li_p"), result.p(), ids, "p");
        Reference.assertAllCloseP(Reference.column(expected, "queen_li_padj"), result.pAdjusted(), ids, "BH p");
    }
}
