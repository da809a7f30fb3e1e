package nl.plein.reports;

import java.util.List;

/** Classes of a choropleth: quantile breaks over the distinct values shown, so each class has areas. */
final class Classes {
    private Classes() {
    }

    /**
     * Upper bounds of at most {@code most} classes over sorted distinct {@code values}; the last is
     * the largest value. No values, no classes.
     */
    static double[] quantileBreaks(List<Double> values, int most) {
        int n = Math.min(most, values.size());
        double[] breaks = new double[n];
        for (int k = 1; k <= n; k++) {
            breaks[k - 1] = values.get((int) Math.ceil((double) k * values.size() / n) - 1);
        }
        return breaks;
    }

    /** The class (0 …) whose upper bound is the first at or above {@code value}. */
    static int classOf(double value, double[] breaks) {
        for (int k = 0; k < breaks.length; k++) {
            if (value <= breaks[k]) {
                return k;
            }
        }
        return breaks.length - 1;
    }
}
