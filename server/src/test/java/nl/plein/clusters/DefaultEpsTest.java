package nl.plein.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The default eps rule on hand-made point sets whose k-distances are known. */
class DefaultEpsTest {
    @Test
    void theKneeIsTheLastShortDistanceBeforeTheLongOnes() {
        // Four other proposals at 1, 2, 3 and 4 m from each group point; the far ones hundreds of metres away.
        double[][] d = {{4, 4, 4, 4, 5, 5, 300, 400}, {1, 1, 1, 1, 1, 1, 1, 1}};
        assertEquals(5, DefaultEps.knee(d));
    }

    @Test
    void stackedProposalsCountWithTheirNumberAndCannotMakeEpsZero() {
        // Ten proposals at one place, five on a line 20 m apart far from it.
        double[] x = new double[15];
        double[] y = new double[15];
        for (int i = 10; i < 15; i++) {
            x[i] = 1000 + 20 * (i - 10);
        }
        var distances = DefaultEps.kDistances(x, y, 4);
        assertEquals(6, distances[0].length, "one place for the ten");
        assertEquals(0, distances[0][0]);
        assertEquals(10, distances[1][0]);
        // The line's ends reach their 4th neighbour at 80 m, the middle at 40 m.
        java.util.Arrays.sort(distances[0]);
        assertEquals(java.util.List.of(0.0, 40.0, 60.0, 60.0, 80.0, 80.0),
                java.util.Arrays.stream(distances[0]).boxed().toList());
        var choice = DefaultEps.choose(x, y, 5, 1_000_000);
        assertEquals(DefaultEps.MIN_EPS, choice.eps(), "the knee at 0 m is raised to the lower bound");
    }

    @Test
    void fewerProposalsThanMinPointsGiveTheUpperBound() {
        var choice = DefaultEps.choose(new double[] {0, 1}, new double[] {0, 1}, 5, 160_000);
        assertEquals(40, choice.eps());
    }
}
