package nl.plein.budgets.ballots;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;

/**
 * One choice on a ballot: an item and its points. Points are given only on a cumulative ballot; on
 * a knapsack or approval ballot they are absent (or 1), and stored as 1.
 */
public record Choice(long itemId, Optional<Integer> points) {
    /** More than any real ballot holds (Pabulib's largest instances have a few hundred projects). */
    static final int MAX_CHOICES = 1000;
    static final int MAX_POINTS = 1_000_000;

    /** The points stored for this choice: as given, or 1. */
    public int pointsOrOne() {
        return points.orElse(1);
    }

    /** The {@code choices} member of a body: an array of {@code {itemId, points?}}, each named by its index. */
    static List<Choice> read(Fields body) {
        JsonNode array = body.raw("choices").orElseThrow(() -> ApiError.invalid(body.path("choices"), "is required"));
        if (!array.isArray()) {
            throw ApiError.invalid(body.path("choices"), "must be an array of {itemId, points}, not "
                    + Fields.describe(array));
        }
        if (array.size() > MAX_CHOICES) {
            throw ApiError.invalid(body.path("choices"), "has " + array.size() + " items, at most " + MAX_CHOICES);
        }
        var choices = new ArrayList<Choice>();
        for (int i = 0; i < array.size(); i++) {
            var choice = Fields.at(array.get(i), body.path("choices") + "[" + i + "]", "itemId", "points");
            choices.add(new Choice(choice.id("itemId"), choice.optionalInteger("points", 1, MAX_POINTS)));
        }
        return choices;
    }
}
