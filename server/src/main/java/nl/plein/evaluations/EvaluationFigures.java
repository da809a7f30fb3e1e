package nl.plein.evaluations;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A project's evaluation figures as one reader may see them (server/METHODS.md §13): per work, the
 * number of evaluations, the rating distribution and the mean, and the pins. Counts are numbers for
 * planners ({@code raw}) and otherwise under the small-count rule: "0", "&lt;5", "x" or rounded.
 *
 * @param pins a GeoJSON FeatureCollection of the pins that may be shown (public: only those of works
 *             with at least the threshold of evaluations), each with its {@code workId} and {@code used}
 * @param method how the figures were made, with the small-count rule when they are public
 */
public record EvaluationFigures(long projectId, boolean raw, int threshold, List<Work> works,
                                @JsonRawValue String pins, String method) {
    /**
     * One work's figures.
     *
     * @param evaluations the number of evaluations that count (hidden ones do not), as shown
     * @param ratings for each rating "1" to "5" the number who gave it, as shown
     * @param meanRating the mean rating to two decimals; null when withheld
     * @param meanWithheld why the mean is withheld (too few evaluations, or none), else null
     * @param pinsShown whether this work's pins are in {@link EvaluationFigures#pins}
     */
    public record Work(long workId, String title, String status, LocalDate finishedOn, Object evaluations,
                       Map<String, Object> ratings, Double meanRating, String meanWithheld, boolean pinsShown) {
    }

    /** This project's figures for one work, or empty when the work is not among them. */
    public java.util.Optional<Work> work(long workId) {
        return works.stream().filter(w -> w.workId() == workId).findFirst();
    }
}
