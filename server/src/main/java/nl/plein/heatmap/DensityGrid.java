package nl.plein.heatmap;

import java.util.Arrays;

/**
 * Kernel density on a regular grid, in weight per km² (points per km² when every weight is 1).
 *
 * <p>Cell {@code (col, row)} covers {@code [originX + col·cellSize, originX + (col+1)·cellSize)} by
 * {@code [originY + row·cellSize, originY + (row+1)·cellSize)}: the origin is the south-west corner,
 * column 0 is the westernmost and row 0 the southernmost. Its value is the density at its centre.
 * {@link #values()} lists the cells row by row from row 0, index {@code row·columns + col}.
 *
 * <p>Immutable: the values are copied in and out.
 */
public final class DensityGrid {
    private final double originX;
    private final double originY;
    private final double cellSize;
    private final int columns;
    private final int rows;
    private final double bandwidth;
    private final double[] values;
    private final double maxValue;

    public DensityGrid(double originX, double originY, double cellSize, int columns, int rows, double bandwidth,
            double[] values) {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a grid needs at least one column and one row, had " + columns
                    + " × " + rows);
        }
        if (values == null || values.length != (long) columns * rows) {
            throw new IllegalArgumentException("values must hold columns × rows = " + (long) columns * rows
                    + " cells, held " + (values == null ? "null" : values.length));
        }
        this.originX = originX;
        this.originY = originY;
        this.cellSize = cellSize;
        this.columns = columns;
        this.rows = rows;
        this.bandwidth = bandwidth;
        this.values = values.clone();
        double max = 0;
        for (double v : this.values) {
            max = Math.max(max, v);
        }
        this.maxValue = max;
    }

    public double originX() {
        return originX;
    }

    public double originY() {
        return originY;
    }

    /** Edge length of a (square) cell, in metres. */
    public double cellSize() {
        return cellSize;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** The bandwidth h (kernel radius) the grid was computed with, in metres. */
    public double bandwidth() {
        return bandwidth;
    }

    /** The largest cell value (0 when every cell is 0), in weight per km². */
    public double maxValue() {
        return maxValue;
    }

    /** A copy of every cell's value, row by row from the southernmost row, in weight per km². */
    public double[] values() {
        return values.clone();
    }

    /** The value of cell {@code (col, row)}, in weight per km². */
    public double value(int col, int row) {
        checkCell(col, row);
        return values[row * columns + col];
    }

    /** The x coordinate of the centres of column {@code col}. */
    public double centreX(int col) {
        if (col < 0 || col >= columns) {
            throw new IndexOutOfBoundsException("col must be 0 to " + (columns - 1) + ", was " + col);
        }
        return originX + (col + 0.5) * cellSize;
    }

    /** The y coordinate of the centres of row {@code row}. */
    public double centreY(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row must be 0 to " + (rows - 1) + ", was " + row);
        }
        return originY + (row + 0.5) * cellSize;
    }

    private void checkCell(int col, int row) {
        if (col < 0 || col >= columns || row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("cell (" + col + ", " + row + ") is outside the "
                    + columns + " × " + rows + " grid");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DensityGrid g && g.originX == originX && g.originY == originY && g.cellSize == cellSize
                && g.columns == columns && g.rows == rows && g.bandwidth == bandwidth && Arrays.equals(g.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Double.hashCode(bandwidth) + columns * 7 + rows;
    }

    @Override
    public String toString() {
        return "DensityGrid[" + columns + " × " + rows + " cells of " + cellSize + " m from (" + originX + ", "
                + originY + "), h = " + bandwidth + " m, max " + maxValue + " per km²]";
    }
}
