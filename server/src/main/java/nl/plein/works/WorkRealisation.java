package nl.plein.works;

import java.time.LocalDate;

/**
 * One work as realisation figures read it: its dates and money, and whether it is delayed or on time
 * by {@link WorkStore}'s one definition. Amounts are whole euros.
 */
public record WorkRealisation(long id, String title, String status, LocalDate plannedEnd, LocalDate finishedOn,
                              long budget, long spent, boolean delayed, boolean onTime) {
    public boolean overBudget() {
        return spent > budget;
    }

    public boolean cancelled() {
        return status.equals("cancelled");
    }
}
