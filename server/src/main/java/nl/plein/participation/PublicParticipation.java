package nl.plein.participation;

import java.util.ArrayList;
import java.util.List;
import nl.plein.analysis.SmallCounts;
import nl.plein.analysis.SmallCounts.Hidden;
import nl.plein.participation.Participation.AreaResult;
import nl.plein.participation.Participation.Representation;
import nl.plein.participation.Participation.Result;

/**
 * Turns a {@link Participation.Result} into the form that may leave the server in public views
 * (METHODS.md §9), under the kit's small-count rule ({@link SmallCounts}): an area with 1 up to the
 * threshold participants has its rate and ratio hidden, and a second area is hidden where the first
 * could be derived from the shown total. Totals are taken from the raw data and shown rounded.
 *
 * <p>An exact rate or ratio would give the exact count back (rate times population), so shown
 * rates and ratios are computed from the rounded counts and the confidence bounds are left out;
 * the representation class, Gini and Hoover are computed on raw data and published as they are.
 * The Lorenz points are left out for the same reason as exact rates.
 */
public final class PublicParticipation {
    public record PublicArea(long areaId, String code, String name, Long population, String participants,
            Hidden hidden, boolean populationKnown, Double ratePer1000, Double ratio, Representation representation) {
    }

    public record PublicResult(List<PublicArea> areas, String participants, long population,
            String participantsAllAreas, Double ratePer1000, Double gini, Double hoover, int threshold) {
    }

    private PublicParticipation() {
    }

    public static PublicResult publish(SmallCounts rule, Result raw) {
        var hidden = rule.hide(raw.areas().stream().map(AreaResult::participants).toList(),
                raw.participantsAllAreas());
        long shownC = rule.rounded(raw.participants());
        var areas = new ArrayList<PublicArea>(raw.areas().size());
        for (int i = 0; i < raw.areas().size(); i++) {
            areas.add(area(rule, raw.areas().get(i), hidden.get(i), shownC, raw.population()));
        }
        return new PublicResult(List.copyOf(areas), rule.show(raw.participants()), raw.population(),
                rule.show(raw.participantsAllAreas()),
                raw.population() > 0 && shownC > 0 ? 1000.0 * shownC / raw.population() : null,
                raw.gini(), raw.hoover(), rule.threshold());
    }

    private static PublicArea area(SmallCounts rule, AreaResult a, Hidden hidden, long shownC, long p) {
        String participants = hidden == Hidden.SECONDARY ? "x" : rule.show(a.participants());
        if (hidden != Hidden.NO || !a.populationKnown()) {
            return new PublicArea(a.areaId(), a.code(), a.name(), a.population(), participants, hidden,
                    a.populationKnown(), null, null, a.representation());
        }
        long shown = rule.rounded(a.participants());
        Double ratio = shownC > 0 ? ((double) shown / shownC) / ((double) a.population() / p) : null;
        return new PublicArea(a.areaId(), a.code(), a.name(), a.population(), participants, hidden, true,
                1000.0 * shown / a.population(), ratio, a.representation());
    }
}
