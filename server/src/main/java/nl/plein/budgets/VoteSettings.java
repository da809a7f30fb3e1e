package nl.plein.budgets;

import java.util.ArrayList;
import java.util.List;
import nl.plein.budgets.rules.Rule;
import nl.plein.http.ApiError;

/**
 * What a ballot of a vote looks like and how it is counted. Fixed once the vote opens. The
 * limits: {@code minItems}..{@code maxItems} items per pot (null: no maximum); a cumulative ballot
 * spreads {@code points} points per pot, at most {@code maxPointsPerItem} on one item (null: no
 * limit besides {@code points}).
 */
public record VoteSettings(BallotType ballotType, int minItems, Integer maxItems, Integer points,
                           Integer maxPointsPerItem, Rule rule) {

    /** Refuses a combination that cannot be voted on, naming each field at fault. */
    public void check() {
        var errors = new ArrayList<ApiError.FieldError>();
        boolean cumulative = ballotType == BallotType.CUMULATIVE;
        if (cumulative && points == null) {
            errors.add(new ApiError.FieldError("points", "is required for a cumulative ballot"));
        }
        if (!cumulative && points != null) {
            errors.add(new ApiError.FieldError("points", "only a cumulative ballot has points"));
        }
        if (!cumulative && maxPointsPerItem != null) {
            errors.add(new ApiError.FieldError("maxPointsPerItem", "only a cumulative ballot has points"));
        }
        if (points != null && maxPointsPerItem != null && maxPointsPerItem > points) {
            errors.add(new ApiError.FieldError("maxPointsPerItem", "must not exceed points (" + points + ")"));
        }
        if (maxItems != null && minItems > maxItems) {
            errors.add(new ApiError.FieldError("maxItems", "must be at least minItems (" + minItems + ")"));
        }
        if (!errors.isEmpty()) {
            throw ApiError.invalid(List.copyOf(errors));
        }
    }
}
