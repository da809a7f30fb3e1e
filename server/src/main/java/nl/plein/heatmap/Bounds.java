package nl.plein.heatmap;

/**
 * A rectangle in planar metres (a projected CRS such as EPSG:28992): {@code minX ≤ x ≤ maxX},
 * {@code minY ≤ y ≤ maxY}. A zero width or height is allowed (the extent of points on one line),
 * but then a cell size must be given: see {@link KernelDensity#defaultCellSize(Bounds)}.
 */
public record Bounds(double minX, double minY, double maxX, double maxY) {

    public Bounds {
        if (!Double.isFinite(minX) || !Double.isFinite(minY) || !Double.isFinite(maxX) || !Double.isFinite(maxY)) {
            throw new IllegalArgumentException("bounds must be finite numbers, were " + minX + ", " + minY
                    + ", " + maxX + ", " + maxY);
        }
        if (maxX < minX || maxY < minY) {
            throw new IllegalArgumentException("bounds must have minX ≤ maxX and minY ≤ maxY, were " + minX + ", "
                    + minY + ", " + maxX + ", " + maxY);
        }
    }

    /** The smallest rectangle holding every point. */
    public static Bounds of(double[] x, double[] y) {
        KernelDensity.checkPoints(x, y);
        double minX = x[0];
        double minY = y[0];
        double maxX = x[0];
        double maxY = y[0];
        for (int i = 1; i < x.length; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        return new Bounds(minX, minY, maxX, maxY);
    }

    /** These bounds grown by {@code margin} metres on every side, e.g. by the bandwidth so no kernel is cut off. */
    public Bounds expandedBy(double margin) {
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number ≥ 0, was " + margin);
        }
        return new Bounds(minX - margin, minY - margin, maxX + margin, maxY + margin);
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }
}
