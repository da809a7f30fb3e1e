package nl.plein.works;

import java.util.Map;

/**
 * One project's works counted, as everyone may read them (works are the city's, not residents':
 * no small-count rule applies). Delayed and on time as {@link WorkStore} defines them; on budget
 * when what is spent is at most the budget. Amounts are whole euros.
 *
 * @param byStatus the number of works in each status, every status named (0 included)
 */
public record WorkFigures(long projectId, String today, long works, Map<String, Long> byStatus, long onTime,
                          long delayed, long onBudget, long overBudget, long budget, long spent) {
}
