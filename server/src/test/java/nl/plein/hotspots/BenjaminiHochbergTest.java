package nl.plein.hotspots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void adjustedPEqualsRsPAdjustBhIncludingTiesOnesAndNa() {
        var rows = Reference.table("bh.csv");
        double[] p = Reference.column(rows, "p");
        double[] expected = Reference.column(rows, "adjusted");
        double[] adjusted = BenjaminiHochberg.adjust(p);
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(adjusted[i]), "row " + i + " is NA in R");
            } else {
                assertEquals(expected[i], adjusted[i], 1e-12, "row " + i);
            }
        }
    }

    @Test
    void adjustingLeavesTheInputAlone() {
        double[] p = {0.01, 0.04, 0.03};
        BenjaminiHochberg.adjust(p);
        assertEquals(0.01, p[0]);
        assertEquals(0.04, p[1]);
    }

    @Test
    void probabilitiesOutsideZeroToOneAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {0.2, 1.5}));
        assertTrue(e.getMessage().startsWith("p "), e.getMessage());
    }

    @Test
    void significanceIsReachableOnlyWithAtLeastMOverAlphaMinusOnePermutations() {
        assertEquals(1999, BenjaminiHochberg.minimumPermutations(100, 0.05));
        assertTrue(BenjaminiHochberg.permutationsCanReach(1999, 100, 0.05));
        assertFalse(BenjaminiHochberg.permutationsCanReach(1998, 100, 0.05));
        assertFalse(BenjaminiHochberg.permutationsCanReach(999, 3475, 0.05));
        assertTrue(BenjaminiHochberg.permutationsCanReach(999, 10, 0.01));
        // at exactly the minimum, the most extreme unit alone adjusts to m/(R+1) = alpha
        int r = BenjaminiHochberg.minimumPermutations(13, 0.10);
        assertTrue(13.0 / (r + 1) <= 0.10 + 1e-12);
        assertTrue(13.0 / r > 0.10);
    }
}
