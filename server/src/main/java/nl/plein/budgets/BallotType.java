package nl.plein.budgets;

/**
 * How a voter fills in a ballot: choose items whose costs fit the pot (knapsack), approve between
 * a minimum and a maximum number of items (approval), or spread a number of points (cumulative).
 */
public enum BallotType {
    KNAPSACK, APPROVAL, CUMULATIVE
}
