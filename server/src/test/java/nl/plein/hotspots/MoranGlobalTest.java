package nl.plein.hotspots;

import static nl.plein.hotspots.SpatialWeightsTest.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MoranGlobalTest {

    @Test
    void moransIAndItsRandomisationVarianceMatchSpdepOnTheQueenGrid() {
        var grid = new Reference.Grid();
        assertMatchesSpdep(MoranGlobal.compute(grid.queen(), grid.values, 0, 0L), "grid-global.csv", "queen");
    }

    @Test
    void moransIMatchesSpdepOnTheDefaultDistanceBand() {
        var grid = new Reference.Grid();
        assertMatchesSpdep(MoranGlobal.compute(grid.band(), grid.values, 0, 0L), "grid-global.csv", "band");
    }

    @Test
    void theIslandIsLeftOutAndReportedAsSpdepDoesOnTheSubsetWithoutIt() {
        var polygons = new Reference.Polygons();
        var result = MoranGlobal.compute(polygons.queen(), polygons.values, 0, 0L);
        assertMatchesSpdep(result, "polygons-global.csv", "queen");
        assertArrayEquals(new long[] {40}, result.islands());
    }

    @Test
    void asymmetricKNearestWeightsMatchSpdep() {
        var rows = Reference.table("points.csv");
        var w = SpatialWeights.kNearest(Reference.ids(rows), Reference.column(rows, "x"), Reference.column(rows, "y"), 3);
        assertMatchesSpdep(MoranGlobal.compute(w, Reference.column(rows, "value"), 0, 0L), "points-global.csv", "knn");
    }

    @Test
    void theSameSeedGivesTheSamePermutationPAndThePlantedPatternIsAsExtremeAsPossible() {
        var grid = new Reference.Grid();
        int r = 999;
        var a = MoranGlobal.compute(grid.queen(), grid.values, r, 9L);
        var b = MoranGlobal.compute(grid.queen(), grid.values, r, 9L);
        assertEquals(a.permutationP(), b.permutationP());
        assertEquals(1.0 / (r + 1), a.permutationP());
        assertEquals(r, a.permutations());
    }

    @Test
    void permutationPOfAWeakPatternLiesWithinItsBoundsAndDependsOnTheSeed() {
        var rows = Reference.table("points.csv");
        long[] ids = Reference.ids(rows);
        // values unrelated to place: the points' ids
        double[] values = java.util.Arrays.stream(ids).asDoubleStream().toArray();
        var w = SpatialWeights.kNearest(ids, Reference.column(rows, "x"), Reference.column(rows, "y"), 3);
        int r = 199;
        var a = MoranGlobal.compute(w, values, r, 1L);
        var b = MoranGlobal.compute(w, values, r, 2L);
        for (double p : new double[] {a.permutationP(), b.permutationP()}) {
            assertTrue(p >= 1.0 / (r + 1) && p <= 1, "p " + p);
            assertTrue(p > 0.01, "no pattern was planted, p " + p);
        }
        assertNotEquals(a.permutationP(), b.permutationP());
    }

    @Test
    void impossibleInputIsRefusedWithAMessageNamingTheParameter() {
        var grid = new Reference.Grid();
        refused(() -> MoranGlobal.compute(grid.queen(), grid.values, -5, 0L), "permutations");
        refused(() -> MoranGlobal.compute(grid.queen().withSelf(), grid.values, 0, 0L), "weights");
        double[] flat = new double[100];
        java.util.Arrays.fill(flat, 4.2);
        refused(() -> MoranGlobal.compute(grid.queen(), flat, 0, 0L), "values");
        long[] ids = {1, 2, 3};
        var three = SpatialWeights.fromNeighbours(ids, Map.of(1L, new long[] {2}, 2L, new long[] {3}, 3L, new long[] {1}));
        refused(() -> MoranGlobal.compute(three, new double[] {1, 2, 3}, 0, 0L), "values");
    }

    private static void assertMatchesSpdep(MoranGlobal.Result result, String file, String prefix) {
        var expected = Reference.named(file);
        assertEquals(Integer.parseInt(expected.get(prefix + "_n")), result.n());
        assertEquals(Integer.parseInt(expected.get(prefix + "_islands")), result.islands().length);
        Reference.assertClose(Reference.number(expected.get(prefix + "_i")), result.i(), "I");
        Reference.assertClose(Reference.number(expected.get(prefix + "_e")), result.expected(), "E[I]");
        Reference.assertClose(Reference.number(expected.get(prefix + "_var")), result.variance(), "Var[I]");
        // Var is small; check it relatively too, as it sets z
        assertEquals(Reference.number(expected.get(prefix + "_var")), result.variance(),
                1e-9 * Reference.number(expected.get(prefix + "_var")), "Var[I] relative");
        Reference.assertClose(Reference.number(expected.get(prefix + "_z")), result.z(), "z");
        Reference.assertCloseP(Reference.number(expected.get(prefix + "_p")), result.p(), "p");
        assertTrue(Double.isNaN(result.permutationP()));
    }
}
