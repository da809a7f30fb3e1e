package nl.plein.budgets;

import java.util.List;

/**
 * A vote's money as a planner gives it: the city-wide pot ({@code cityBudget}, 0 for none) and,
 * for a boundary set, a pot per area, either with an amount each ({@code areaBudgets}, in the order
 * sent, so errors name their index) or one amount for every area of the set ({@code budgetPerArea}).
 */
public record PotPlan(long cityBudget, Long areaSetId, List<AreaBudget> areaBudgets, Long budgetPerArea) {
    public record AreaBudget(long areaId, long budget) {
    }

    public boolean hasAreaPots() {
        return areaSetId != null;
    }
}
