package nl.plein.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.plein.participation.Participation.AreaCount;
import nl.plein.participation.Participation.LorenzPoint;
import nl.plein.participation.Participation.Representation;
import org.junit.jupiter.api.Test;

class ParticipationTest {
    private static final double EXACT = 1e-12;

    /** Populations 1000/2000/7000, participants 10/10/30: C = 50, P = 10,000, E = 5/10/35. */
    private static final List<AreaCount> THREE = List.of(
            new AreaCount(1, "A", "Noord", 1000L, 10),
            new AreaCount(2, "B", "Oost", 2000L, 10),
            new AreaCount(3, "C", "Zuid", 7000L, 30));

    @Test
    void ratesAndRatiosOfThreeAreasMatchTheHandComputation() {
        var result = Participation.compute(THREE);

        assertEquals(50, result.participants());
        assertEquals(10_000, result.population());
        assertEquals(5.0, result.ratePer1000(), EXACT);
        var a = result.areas();
        assertEquals(10.0, a.get(0).ratePer1000(), EXACT);
        assertEquals(5.0, a.get(1).ratePer1000(), EXACT);
        assertEquals(30_000.0 / 7000, a.get(2).ratePer1000(), EXACT);
        assertEquals(2.0, a.get(0).ratio(), EXACT);
        assertEquals(1.0, a.get(1).ratio(), EXACT);
        assertEquals(6.0 / 7, a.get(2).ratio(), EXACT);
    }

    @Test
    void ratioBoundsAreTheGarwoodBoundsDividedByTheExpectedCount() {
        var a = Participation.compute(THREE).areas();

        // C = 10, E = 5; bounds of the Poisson mean from SciPy (see resources/analysis/reference.py)
        assertEquals(4.7953886961324335 / 5, a.get(0).ratioLower(), EXACT);
        assertEquals(18.39035604201778 / 5, a.get(0).ratioUpper(), EXACT);
        assertEquals(Representation.WITHIN, a.get(0).representation());
    }

    @Test
    void giniFollowsTheLorenzCurveSortedByRate() {
        var result = Participation.compute(THREE);

        // sorted by rate: Zuid (4.29), Oost (5), Noord (10)
        var expected = List.of(new LorenzPoint(0, 0), new LorenzPoint(0.7, 0.6), new LorenzPoint(0.9, 0.8),
                new LorenzPoint(1, 1));
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k).population(), result.lorenz().get(k).population(), EXACT);
            assertEquals(expected.get(k).participants(), result.lorenz().get(k).participants(), EXACT);
        }
        // 1 - (0.7*0.6 + 0.2*1.4 + 0.1*1.8) = 1 - 0.88
        assertEquals(0.12, result.gini(), EXACT);
    }

    @Test
    void hooverIsHalfTheSumOfShareDifferences() {
        // 1/2 (|0.2-0.1| + |0.2-0.2| + |0.6-0.7|)
        assertEquals(0.1, Participation.compute(THREE).hoover(), EXACT);
    }

    @Test
    void garwoodBoundsForSmallCountsMatchTheReference() {
        assertEquals(0.0, Participation.garwoodLower(0), 0);
        assertEquals(3.6888794541139354, Participation.garwoodUpper(0), EXACT);
        assertEquals(0.025317807984289876, Participation.garwoodLower(1), EXACT);
        assertEquals(5.571643390938898, Participation.garwoodUpper(1), EXACT);
        assertEquals(1.6234863901184207, Participation.garwoodLower(5), EXACT);
        assertEquals(11.66833207932267, Participation.garwoodUpper(5), EXACT);
        assertEquals(4.7953886961324335, Participation.garwoodLower(10), EXACT);
        assertEquals(18.39035604201778, Participation.garwoodUpper(10), EXACT);
    }

    @Test
    void anAreaWithoutParticipantsHasLowerBoundZeroAndCanBeUnderRepresented() {
        var result = Participation.compute(List.of(
                new AreaCount(1, "A", "Leeg", 5000L, 0),
                new AreaCount(2, "B", "Vol", 5000L, 40)));
        var empty = result.areas().get(0);

        assertEquals(0.0, empty.ratePer1000(), 0);
        assertEquals(0.0, empty.ratioLower(), 0);
        assertEquals(3.6888794541139354 / 20, empty.ratioUpper(), EXACT);
        assertEquals(Representation.UNDER, empty.representation());
        assertEquals(Representation.OVER, result.areas().get(1).representation());
        assertEquals(0.5, result.hoover(), EXACT);
        assertEquals(0.5, result.gini(), EXACT);
    }

    @Test
    void areasWithUnknownPopulationAreUnknownNeverZeroAndLeftOutOfTheTotals() {
        var rows = new java.util.ArrayList<>(THREE);
        rows.add(new AreaCount(4, "D", "Onbekend", null, 7));
        rows.add(new AreaCount(5, "E", "Geheim", -99997L, 3));
        var result = Participation.compute(rows);

        assertEquals(50, result.participants());
        assertEquals(10_000, result.population());
        assertEquals(60, result.participantsAllAreas());
        for (var unknown : result.areas().subList(3, 5)) {
            assertFalse(unknown.populationKnown());
            assertNull(unknown.ratePer1000());
            assertNull(unknown.ratio());
            assertNull(unknown.ratioLower());
            assertEquals(Representation.UNKNOWN, unknown.representation());
        }
        assertEquals(0.12, result.gini(), EXACT);
        assertEquals(0.1, result.hoover(), EXACT);
        assertTrue(result.method().contains("unknown"));
    }

    @Test
    void withoutAnyParticipantTheRatiosAndInequalityMeasuresAreAbsent() {
        var result = Participation.compute(List.of(new AreaCount(1, "A", "Stil", 1000L, 0)));

        assertEquals(0.0, result.ratePer1000(), 0);
        assertNull(result.areas().get(0).ratio());
        assertNull(result.gini());
        assertNull(result.hoover());
        assertTrue(result.lorenz().isEmpty());
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AreaCount(1, "A", "Fout", 1000L, -1));
    }
}
