package nl.plein.budgets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.projects.Language;
import org.jdbi.v3.core.Handle;

/**
 * A vote's pots, written from a {@link PotPlan} on the caller's handle, inside its transaction (the
 * vote's row locked). Pots keep their ids across changes: a pot the plan still has is changed in
 * place, a pot it drops is removed, unless items are in it, which is refused naming the field.
 */
final class Pots {
    private static final String EXISTS = Jdbis.sql(Pots.class, "area-set-exists.sql");
    private static final String AREAS_OF_SET = Jdbis.sql(Pots.class, "areas-of-set.sql");
    private static final String AREAS_IN_SET = Jdbis.sql(Pots.class, "areas-in-set.sql");
    private static final String POTS = Jdbis.sql(Pots.class, "pots.sql");
    private static final String PUT_CITY = Jdbis.sql(Pots.class, "put-city-pot.sql");
    private static final String PUT_AREAS = Jdbis.sql(Pots.class, "put-area-pots.sql");
    private static final String DELETE = Jdbis.sql(Pots.class, "delete-pot.sql");
    private static final String TOO_SMALL = Jdbis.sql(Pots.class, "pot-too-small.sql");

    /** The city-wide pot's name in the project's language; area pots take their area's name. */
    private static final Map<Language, String> CITY_WIDE = Map.of(Language.NL, "Hele stad", Language.EN, "City-wide");

    private Pots() {
    }

    /** The area pots the plan asks for, each area checked to be one of the plan's boundary set. */
    static List<PotPlan.AreaBudget> areaBudgets(Handle h, PotPlan plan) {
        if (!plan.hasAreaPots()) {
            return List.of();
        }
        long set = plan.areaSetId();
        if (!h.createQuery(EXISTS).bind("set", set).mapTo(Boolean.class).one()) {
            throw ApiError.invalid("areaSetId", "boundary set " + set + " does not exist");
        }
        if (plan.budgetPerArea() != null) {
            List<Long> areas = h.createQuery(AREAS_OF_SET).bind("set", set).mapTo(Long.class).list();
            if (areas.isEmpty()) {
                throw ApiError.invalid("areaSetId", "boundary set " + set + " has no areas");
            }
            if (areas.size() > VoteInput.MAX_AREA_POTS) {
                throw ApiError.invalid("budgetPerArea", "boundary set " + set + " has " + areas.size()
                        + " areas; a vote has at most " + VoteInput.MAX_AREA_POTS + " area pots");
            }
            return areas.stream().map(id -> new PotPlan.AreaBudget(id, plan.budgetPerArea())).toList();
        }
        List<Long> asked = plan.areaBudgets().stream().map(PotPlan.AreaBudget::areaId).toList();
        var found = new HashSet<>(h.createQuery(AREAS_IN_SET).bind("set", set)
                .bindArray("ids", Long.class, asked).mapTo(Long.class).list());
        var errors = new ArrayList<ApiError.FieldError>();
        for (int i = 0; i < asked.size(); i++) {
            if (!found.contains(asked.get(i))) {
                errors.add(new ApiError.FieldError("areaBudgets[" + i + "].areaId",
                        "area " + asked.get(i) + " is not an area of boundary set " + set));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        return plan.areaBudgets();
    }

    private record Pot(long id, Long areaId, String name, long items) {
    }

    /**
     * Makes vote {@code voteId}'s pots those of the plan: the city-wide pot and {@code areas}. A pot
     * left with less money than one of its items costs is refused (409), as no rule could fund it.
     */
    static void write(Handle h, long voteId, long cityBudget, List<PotPlan.AreaBudget> areas, Language language) {
        var wanted = new HashSet<Long>();
        areas.forEach(a -> wanted.add(a.areaId()));
        List<Pot> current = h.createQuery(POTS).bind("vote", voteId).map((rs, ctx) -> new Pot(rs.getLong(1),
                (Long) rs.getObject(2), rs.getString(3), rs.getLong(4))).list();
        for (Pot pot : current) {
            boolean dropped = pot.areaId() == null ? cityBudget == 0 : !wanted.contains(pot.areaId());
            if (!dropped) {
                continue;
            }
            if (pot.items() > 0) {
                throw ApiError.conflict(pot.areaId() == null ? "cityBudget" : "areaBudgets", "pot '" + pot.name()
                        + "' holds " + pot.items() + " item(s); remove them or move them to another pot first");
            }
            h.createUpdate(DELETE).bind("id", pot.id()).execute();
        }
        if (cityBudget > 0) {
            h.createUpdate(PUT_CITY).bind("vote", voteId).bind("name", CITY_WIDE.get(language))
                    .bind("budget", cityBudget).execute();
        }
        if (!areas.isEmpty()) {
            h.createUpdate(PUT_AREAS).bind("vote", voteId)
                    .bindArray("areas", Long.class, areas.stream().map(PotPlan.AreaBudget::areaId).toList())
                    .bindArray("budgets", Long.class, areas.stream().map(PotPlan.AreaBudget::budget).toList())
                    .execute();
        }
        h.createQuery(TOO_SMALL).bind("vote", voteId).map((rs, ctx) -> ApiError.conflict(
                rs.getObject("area_id") == null ? "cityBudget" : "areaBudgets", "pot '" + rs.getString("name")
                        + "' would have " + rs.getLong("budget") + ", less than its item costing " + rs.getLong("cost")
                        + "; lower that item's cost or move it first")).findOne().ifPresent(e -> {
                            throw e;
                        });
    }
}
