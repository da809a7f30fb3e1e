package nl.plein.hexbins;

/**
 * The hexagon grid of PostGIS's {@code ST_HexagonGrid} and {@code ST_Hexagon} (METHODS.md §7):
 * flat-topped hexagons with edge length {@code size}, anchored at the CRS origin; cell (i, j) has
 * its centre at (1.5·size·i, √3·size·j), raised by half a row in odd columns. A point belongs to the
 * cell with the nearest centre (the hexagon is exactly the set of points nearest its centre); a
 * point on an edge or corner, equally near two or three centres, goes to the lowest (i, j).
 */
public final class HexGrid {
    private final double size;
    private final double height;

    public HexGrid(double size) {
        if (!(size > 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("size must be a positive number of metres, not " + size);
        }
        this.size = size;
        this.height = Math.sqrt(3) * size;
    }

    /** The edge length of a hexagon of area {@code area}: √(2A / (3√3)). */
    public static double sizeForArea(double area) {
        return Math.sqrt(2 * area / (3 * Math.sqrt(3)));
    }

    public double size() {
        return size;
    }

    /** (3√3/2)·size². */
    public double cellArea() {
        return 1.5 * Math.sqrt(3) * size * size;
    }

    public double centreX(long i) {
        return 1.5 * size * i;
    }

    public double centreY(long i, long j) {
        return height * j + (i % 2 != 0 ? height / 2 : 0);
    }

    /** The cell (i, j) of a point, packed by {@link #key}. */
    public long cellOf(double x, double y) {
        long firstColumn = (long) Math.floor(x / (1.5 * size)) - 1;
        long bestI = 0;
        long bestJ = 0;
        double best = Double.POSITIVE_INFINITY;
        for (long i = firstColumn; i <= firstColumn + 2; i++) {
            double offset = i % 2 != 0 ? height / 2 : 0;
            long firstRow = (long) Math.floor((y - offset) / height);
            for (long j = firstRow; j <= firstRow + 1; j++) {
                double dx = x - centreX(i);
                double dy = y - (height * j + offset);
                double d = dx * dx + dy * dy;
                // Columns and rows are visited in ascending order, so on a tie the first stays.
                if (d < best) {
                    best = d;
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        return key(bestI, bestJ);
    }

    /** Packs a cell's (i, j) into one long: 32 bits each, enough for any city. */
    public static long key(long i, long j) {
        return (i << 32) | (j & 0xffffffffL);
    }

    public static long i(long key) {
        return key >> 32;
    }

    public static long j(long key) {
        return (int) key;
    }
}
