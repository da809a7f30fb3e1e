package nl.plein.budgets;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.plein.budgets.rules.Rule;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;

/**
 * Reads a vote's set-up as a planner sends it, to create a vote or to change one, strictly: every
 * wrong type, missing value, impossible amount or contradiction is refused naming its field
 * ({@code opensAt}, {@code areaBudgets[2].areaId}, …) before anything is written.
 */
final class VoteInput {
    /** A budget above a trillion euros is a typing error, not a city's budget. */
    static final long MAX_AMOUNT = 1_000_000_000_000L;
    /** Pots per area: more than any municipality has neighbourhoods. */
    static final int MAX_AREA_POTS = 1000;
    static final int MAX_ITEMS = 1000;
    static final int MAX_POINTS = 1_000_000;

    static final String[] FIELDS = {"title", "description", "ballotType", "minItems", "maxItems", "points",
            "maxPointsPerItem", "rule", "opensAt", "closesAt", "cityBudget", "areaSetId", "areaBudgets",
            "budgetPerArea"};
    /** Fields where null means "none"; null anywhere else is refused rather than read as absent. */
    private static final Set<String> NULLABLE = Set.of("maxItems", "points", "maxPointsPerItem", "areaSetId",
            "areaBudgets", "budgetPerArea");
    static final List<String> SETTINGS = List.of("ballotType", "minItems", "maxItems", "points", "maxPointsPerItem",
            "rule");
    static final List<String> POTS = List.of("cityBudget", "areaSetId", "areaBudgets", "budgetPerArea");

    private VoteInput() {
    }

    /**
     * A vote's set-up as sent: {@code given} names every field the body holds (null included);
     * the others are null here. Creating needs title, ballotType, rule, opensAt, closesAt and a pot.
     */
    record Draft(Set<String> given, String title, String description, BallotType ballotType, Integer minItems,
                 Integer maxItems, Integer points, Integer maxPointsPerItem, Rule rule, Instant opensAt,
                 Instant closesAt, PotPlan pots) {
        boolean gives(String field) {
            return given.contains(field);
        }

        boolean givesAny(List<String> fields) {
            return fields.stream().anyMatch(given::contains);
        }

        /** The settings after this change: what is given replaces what is there. */
        VoteSettings settings(VoteSettings current) {
            BallotType type = ballotType != null ? ballotType : current.ballotType();
            boolean cumulative = type == BallotType.CUMULATIVE;
            // Leaving cumulative ballots drops their points unless the change names them (then refused).
            Integer newPoints = gives("points") ? points : cumulative ? current.points() : null;
            Integer newMaxPoints = gives("maxPointsPerItem") ? maxPointsPerItem
                    : cumulative ? current.maxPointsPerItem() : null;
            return new VoteSettings(type, minItems != null ? minItems : current.minItems(),
                    gives("maxItems") ? maxItems : current.maxItems(), newPoints, newMaxPoints,
                    rule != null ? rule : current.rule());
        }
    }

    static Draft read(JsonNode node, boolean creating, int maxTitle, int maxText) {
        Fields body = Fields.of(node, FIELDS);
        var given = new HashSet<String>();
        node.fieldNames().forEachRemaining(given::add);
        for (String name : given) {
            if (!NULLABLE.contains(name) && node.get(name).isNull()) {
                throw ApiError.invalid(name, "must not be null");
            }
        }
        String title = body.optionalText("title", maxTitle).orElse(null);
        String description = body.optionalTextOrEmpty("description", maxText).orElse(null);
        BallotType type = body.optionalChoice("ballotType", BallotType.class).orElse(null);
        Rule rule = body.optionalChoice("rule", Rule.class).orElse(null);
        Integer minItems = body.optionalInteger("minItems", 0, MAX_ITEMS).orElse(null);
        Integer maxItems = body.optionalInteger("maxItems", 1, MAX_ITEMS).orElse(null);
        Integer points = body.optionalInteger("points", 1, MAX_POINTS).orElse(null);
        Integer maxPoints = body.optionalInteger("maxPointsPerItem", 1, MAX_POINTS).orElse(null);
        Instant opensAt = time(body, "opensAt");
        Instant closesAt = time(body, "closesAt");
        PotPlan pots = pots(body, given);
        if (creating) {
            for (String required : List.of("title", "ballotType", "rule", "opensAt", "closesAt")) {
                if (!given.contains(required)) {
                    throw ApiError.invalid(required, "is required");
                }
            }
            if (pots == null) {
                throw ApiError.invalid("cityBudget", "a vote needs money: give cityBudget, or areaSetId with"
                        + " areaBudgets or budgetPerArea, or both");
            }
        }
        return new Draft(Set.copyOf(given), title, description, type, minItems, maxItems, points, maxPoints, rule,
                opensAt, closesAt, pots);
    }

    /** A point in time with its offset (e.g. 2026-05-01T09:00:00Z or …+02:00), to the second. */
    private static Instant time(Fields body, String name) {
        return body.optionalText(name, 64).map(text -> {
            try {
                Instant at = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
                if (at.isBefore(Instant.parse("2000-01-01T00:00:00Z"))
                        || at.isAfter(Instant.parse("9999-01-01T00:00:00Z"))) {
                    throw ApiError.invalid(name, "must lie between the years 2000 and 9999");
                }
                return at;
            } catch (DateTimeParseException e) {
                throw ApiError.invalid(name, "must be a date and time with its offset, e.g."
                        + " 2026-05-01T09:00:00Z or 2026-05-01T11:00:00+02:00");
            }
        }).orElse(null);
    }

    /**
     * The pots, when the body gives any of their fields (then it gives them as a whole: what it
     * leaves out is none), or null when it names none of them. Null too when the result is no pot.
     */
    private static PotPlan pots(Fields body, Set<String> given) {
        long city = amount(body, "cityBudget", true);
        Long set = body.optionalId("areaSetId").orElse(null);
        long perArea = amount(body, "budgetPerArea", false);
        List<PotPlan.AreaBudget> budgets = areaBudgets(body);
        if (budgets != null && perArea > 0) {
            throw ApiError.invalid("budgetPerArea", "give areaBudgets or budgetPerArea, not both");
        }
        if (set == null && (budgets != null || perArea > 0)) {
            throw ApiError.invalid("areaSetId", "is required with " + (budgets != null ? "areaBudgets" : "budgetPerArea")
                    + ": the boundary set whose areas get a pot each");
        }
        if (set != null && budgets == null && perArea == 0) {
            throw ApiError.invalid("areaBudgets", "give areaBudgets or budgetPerArea for the areas of boundary set "
                    + set + ", or leave out areaSetId for a city-wide pot only");
        }
        if (POTS.stream().noneMatch(given::contains)) {
            return null;
        }
        if (city == 0 && set == null) {
            throw ApiError.invalid("cityBudget", "a vote needs money: give cityBudget, or areaSetId with"
                    + " areaBudgets or budgetPerArea, or both");
        }
        return new PotPlan(city, set, budgets, perArea > 0 ? perArea : null);
    }

    private static List<PotPlan.AreaBudget> areaBudgets(Fields body) {
        JsonNode list = body.raw("areaBudgets").filter(n -> !n.isNull()).orElse(null);
        if (list == null) {
            return null;
        }
        if (!list.isArray()) {
            throw ApiError.invalid("areaBudgets", "must be an array of {areaId, budget}, not " + Fields.describe(list));
        }
        if (list.isEmpty() || list.size() > MAX_AREA_POTS) {
            throw ApiError.invalid("areaBudgets", "must hold from 1 to " + MAX_AREA_POTS + " areas, not " + list.size());
        }
        var budgets = new ArrayList<PotPlan.AreaBudget>();
        var seen = new HashSet<Long>();
        for (int i = 0; i < list.size(); i++) {
            Fields entry = Fields.at(list.get(i), "areaBudgets[" + i + "]", "areaId", "budget");
            long area = entry.id("areaId");
            if (!seen.add(area)) {
                throw ApiError.invalid(entry.path("areaId"), "area " + area + " appears twice");
            }
            long budget = amount(entry, "budget", false);
            if (budget == 0) {
                throw ApiError.invalid(entry.path("budget"), "is required");
            }
            budgets.add(new PotPlan.AreaBudget(area, budget));
        }
        return List.copyOf(budgets);
    }

    /** Whole euros, at most {@link #MAX_AMOUNT}; 0 when absent (or null), refused when 0 is not allowed. */
    static long amount(Fields body, String name, boolean zeroAllowed) {
        JsonNode value = body.raw(name).orElse(null);
        if (value == null || value.isNull()) {
            return 0;
        }
        long min = zeroAllowed ? 0 : 1;
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > MAX_AMOUNT) {
            throw ApiError.invalid(body.path(name), "must be a whole number of euros from " + min + " to "
                    + MAX_AMOUNT + ", not " + (value.isNumber() ? value.toString() : Fields.describe(value)));
        }
        return value.longValue();
    }
}
