package nl.plein.hexbins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Random;
import nl.plein.db.Jdbis;
import nl.plein.support.TestPostgis;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java grid against PostGIS's own hexagons (ST_Hexagon, ST_HexagonGrid), cell by cell. */
class HexGridTest {
    static HikariDataSource dataSource;
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        dataSource = TestPostgis.freshDatabase();
        jdbi = Jdbis.create(dataSource);
    }

    @AfterAll
    static void stop() {
        dataSource.close();
    }

    /** The (i, j) of the PostGIS hexagon whose interior holds the point. */
    private static long postgisCell(double size, double x, double y) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT h.i, h.j FROM ST_HexagonGrid(:size, ST_Expand(ST_MakePoint(:x, :y), :size)) h
                 WHERE ST_Contains(h.geom, ST_MakePoint(:x, :y))""")
                .bind("size", size).bind("x", x).bind("y", y)
                .map((rs, ctx) -> HexGrid.key(rs.getLong(1), rs.getLong(2))).one());
    }

    @Test
    void everyPointLiesInThePostgisHexagonOfItsCell() {
        var random = new Random(7);
        for (double size : new double[] {1, 37.5, 100, 250}) {
            var grid = new HexGrid(size);
            for (int k = 0; k < 150; k++) {
                // both signs: columns and rows below zero are where odd and even are easy to get wrong
                double x = (random.nextDouble() - 0.5) * 40 * size;
                double y = (random.nextDouble() - 0.5) * 40 * size;
                long cell = grid.cellOf(x, y);
                assertEquals(postgisCell(size, x, y), cell, "size " + size + ", point " + x + " " + y);
                assertEquals(HexGrid.key(HexGrid.i(cell), HexGrid.j(cell)), cell);
            }
        }
    }

    @Test
    void centresMatchPostgisAndTheAreaIsThreeRootThreeOverTwoSizeSquared() {
        var grid = new HexGrid(100);
        for (long[] ij : new long[][] {{0, 0}, {1, 0}, {-1, -1}, {3, -2}, {-4, 5}}) {
            double[] centre = jdbi.withHandle(h -> h.createQuery(
                    "SELECT ST_X(ST_Centroid(ST_Hexagon(100, :i, :j))), ST_Y(ST_Centroid(ST_Hexagon(100, :i, :j))),"
                            + " ST_Area(ST_Hexagon(100, :i, :j))")
                    .bind("i", (int) ij[0]).bind("j", (int) ij[1])
                    .map((rs, ctx) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)}).one());
            assertEquals(centre[0], grid.centreX(ij[0]), 1e-9);
            assertEquals(centre[1], grid.centreY(ij[0], ij[1]), 1e-9);
            assertEquals(centre[2], grid.cellArea(), 1e-6);
        }
        assertEquals(100, HexGrid.sizeForArea(grid.cellArea()), 1e-9);
    }

    @Test
    void aPointOnAnEdgeGoesToTheLowerCell() {
        var grid = new HexGrid(100);
        double h = Math.sqrt(3) * 100;
        // the horizontal edge between (0, 0) and (0, 1), and the point where (0, 0), (1, 0) and (0, 1)… meet
        assertEquals(HexGrid.key(0, 0), grid.cellOf(0, h / 2));
        assertEquals(HexGrid.key(0, 0), grid.cellOf(50, h / 2));
        // the slanted edge between (0, 0) and (1, 0): its midpoint
        assertEquals(HexGrid.key(0, 0), grid.cellOf(75, h / 4));
        assertEquals(HexGrid.key(-1, -1), grid.cellOf(-75, -h / 4));
    }

    @Test
    void aSizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new HexGrid(0));
        assertThrows(IllegalArgumentException.class, () -> new HexGrid(-1));
        assertThrows(IllegalArgumentException.class, () -> new HexGrid(Double.NaN));
    }
}
