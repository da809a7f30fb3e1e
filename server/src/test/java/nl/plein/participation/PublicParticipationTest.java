package nl.plein.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import nl.plein.analysis.SmallCounts;
import nl.plein.analysis.SmallCounts.Hidden;
import nl.plein.participation.Participation.AreaCount;
import nl.plein.participation.PublicParticipation.PublicArea;
import org.junit.jupiter.api.Test;

/** Participation per area in its public form, under the small-count rule (moved from SmallCountsTest). */
class PublicParticipationTest {
    private final SmallCounts fives = new SmallCounts(SmallCounts.DEFAULT_THRESHOLD);

    @Test
    void aSmallAreaHasItsRateAndRatioHidden() {
        var result = PublicParticipation.publish(fives, Participation.compute(areas(3, 20, 40)));
        var small = result.areas().get(0);

        assertEquals("<5", small.participants());
        assertEquals(Hidden.SMALL, small.hidden());
        assertNull(small.ratePer1000());
        assertNull(small.ratio());
    }

    @Test
    void oneHiddenAreaNextToAShownTotalHidesTheNextSmallestArea() {
        // total 55 is shown, so 3 = 55 - 12 - 40 could be derived: hide 12 as well, not the zero
        var result = PublicParticipation.publish(fives, Participation.compute(areas(3, 12, 40, 0)));

        assertEquals("55", result.participantsAllAreas());
        assertEquals(List.of(Hidden.SMALL, Hidden.SECONDARY, Hidden.NO, Hidden.NO), hidden(result.areas()));
        assertEquals(List.of("<5", "x", "40", "0"), shown(result.areas()));
        assertNull(result.areas().get(1).ratePer1000());
    }

    @Test
    void ofTwoEquallySmallVisibleAreasTheFirstByIdIsHidden() {
        var result = PublicParticipation.publish(fives, Participation.compute(areas(40, 9, 2, 9)));

        assertEquals(List.of(Hidden.NO, Hidden.SECONDARY, Hidden.SMALL, Hidden.NO), hidden(result.areas()));
    }

    @Test
    void twoHiddenAreasNeedNoSecondarySuppression() {
        var result = PublicParticipation.publish(fives, Participation.compute(areas(3, 2, 40)));

        assertEquals(List.of(Hidden.SMALL, Hidden.SMALL, Hidden.NO), hidden(result.areas()));
    }

    @Test
    void aHiddenTotalNeedsNoSecondarySuppression() {
        var result = PublicParticipation.publish(fives, Participation.compute(areas(3, 0)));

        assertEquals("<5", result.participantsAllAreas());
        assertEquals(List.of(Hidden.SMALL, Hidden.NO), hidden(result.areas()));
    }

    @Test
    void totalsAreComputedOnRawDataAndShownRounded() {
        // 6 + 6 + 6 = 18 raw, shown as 20; the areas show as 5 each
        var result = PublicParticipation.publish(fives, Participation.compute(areas(6, 6, 6)));

        assertEquals(List.of("5", "5", "5"), shown(result.areas()));
        assertEquals("20", result.participants());
        assertEquals("20", result.participantsAllAreas());
    }

    @Test
    void shownRatesAndRatiosUseTheRoundedCountsSoTheRawCountCannotBeRecovered() {
        // 12 of 1,000 would be a rate of 12; shown is 10 of 1,000 against 50 of 3,000
        var result = PublicParticipation.publish(fives, Participation.compute(areas(12, 20, 20)));
        var area = result.areas().get(0);

        assertEquals("10", area.participants());
        assertEquals(10.0, area.ratePer1000(), 1e-12);
        assertEquals((10.0 / 50) / (1000.0 / 3000), area.ratio(), 1e-12);
        assertEquals(1000.0 * 50 / 3000, result.ratePer1000(), 1e-12);
    }

    @Test
    void unknownPopulationStaysUnknownInThePublicForm() {
        var rows = new ArrayList<>(areas(20, 30));
        rows.add(new AreaCount(9, "X", "Onbekend", null, 10));
        var unknown = PublicParticipation.publish(fives, Participation.compute(rows)).areas().get(2);

        assertEquals("10", unknown.participants());
        assertNull(unknown.ratePer1000());
        assertEquals(Participation.Representation.UNKNOWN, unknown.representation());
    }

    /** Areas of 1,000 residents each with the given participants, ids from 1. */
    private static List<AreaCount> areas(long... participants) {
        var rows = new ArrayList<AreaCount>();
        for (int i = 0; i < participants.length; i++) {
            rows.add(new AreaCount(i + 1, "BU" + (i + 1), "Buurt " + (i + 1), 1000L, participants[i]));
        }
        return rows;
    }

    private static List<Hidden> hidden(List<PublicArea> areas) {
        return areas.stream().map(PublicArea::hidden).toList();
    }

    private static List<String> shown(List<PublicArea> areas) {
        return areas.stream().map(PublicArea::participants).toList();
    }
}
