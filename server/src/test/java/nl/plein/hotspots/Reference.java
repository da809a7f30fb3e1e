package nl.plein.hotspots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fixtures and expected figures that {@code src/test/resources/hotspots/reference.R}
 * produced once with spdep 1.2.7. The files hold plain numbers, ids and words; only the WKT column
 * of polygons.csv is quoted, and it is the last column.
 */
final class Reference {
    /** The agreement asked of every figure against spdep: absolute, or relative for values above 1. */
    static final double TOLERANCE = 1e-6;

    private Reference() {
    }

    /** Rows as column name → text, in file order. */
    static List<Map<String, String>> table(String name) {
        var stream = Reference.class.getResourceAsStream("/hotspots/" + name);
        if (stream == null) {
            throw new IllegalStateException("missing test resource hotspots/" + name);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            var lines = reader.lines().toList();
            String[] header = lines.get(0).split(",", -1);
            var rows = new ArrayList<Map<String, String>>();
            for (var line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", header.length);
                var row = new LinkedHashMap<String, String>();
                for (int c = 0; c < header.length; c++) {
                    row.put(header[c], cells[c].replace("\"", ""));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name,value table as a map. */
    static Map<String, String> named(String name) {
        var out = new HashMap<String, String>();
        table(name).forEach(r -> out.put(r.get("name"), r.get("value")));
        return out;
    }

    static double number(String text) {
        return "NA".equals(text) ? Double.NaN : Double.parseDouble(text);
    }

    static double[] column(List<Map<String, String>> rows, String column) {
        return rows.stream().mapToDouble(r -> number(r.get(column))).toArray();
    }

    static long[] ids(List<Map<String, String>> rows) {
        return rows.stream().mapToLong(r -> Long.parseLong(r.get("id"))).toArray();
    }

    /** Neighbour lists from an id,neighbour edge list. */
    static Map<Long, long[]> neighbours(String name) {
        var lists = new LinkedHashMap<Long, List<Long>>();
        for (var row : table(name)) {
            lists.computeIfAbsent(Long.parseLong(row.get("id")), k -> new ArrayList<>())
                    .add(Long.parseLong(row.get("neighbour")));
        }
        var out = new HashMap<Long, long[]>();
        lists.forEach((id, list) -> out.put(id, list.stream().mapToLong(Long::longValue).toArray()));
        return out;
    }

    /** spdep's NA must be our NaN; otherwise within TOLERANCE, relative once |expected| exceeds 1. */
    static void assertClose(double expected, double actual, String where) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), where + ": expected NA, was " + actual);
            return;
        }
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), where);
    }

    /** p-values: also relative, so tiny p in the tails are checked digit for digit. */
    static void assertCloseP(double expected, double actual, String where) {
        assertClose(expected, actual, where);
        if (!Double.isNaN(expected) && expected > 0) {
            assertEquals(expected, actual, 1e-9 * expected, where + " (relative)");
        }
    }

    static void assertAllClose(double[] expected, double[] actual, long[] ids, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], what + " of id " + ids[i]);
        }
    }

    static void assertAllCloseP(double[] expected, double[] actual, long[] ids, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertCloseP(expected[i], actual[i], what + " of id " + ids[i]);
        }
    }

    /** The 10 × 10 grid's values, in the file's order. */
    static final class Grid {
        final List<Map<String, String>> rows = table("grid-values.csv");
        final long[] ids = ids(rows);
        final double[] x = column(rows, "x");
        final double[] y = column(rows, "y");
        final double[] values = column(rows, "value");
        final List<Map<String, String>> expected = table("grid-expected.csv");

        SpatialWeights queen() {
            return SpatialWeights.fromNeighbours(ids, neighbours("grid-queen-nb.csv"));
        }

        SpatialWeights band() {
            return SpatialWeights.distanceBand(ids, x, y, SpatialWeights.largestNearestNeighbourDistance(x, y));
        }

        boolean hot(int i) {
            return rows.get(i).get("hot").equals("1");
        }

        boolean cold(int i) {
            return rows.get(i).get("cold").equals("1");
        }
    }

    /** The thirteen polygons (one an island) with queen contiguity from spdep's poly2nb. */
    static final class Polygons {
        final List<Map<String, String>> rows = table("polygons.csv");
        final long[] ids = ids(rows);
        final double[] values = column(rows, "value");
        final List<Map<String, String>> expected = table("polygons-expected.csv");

        SpatialWeights queen() {
            return SpatialWeights.fromNeighbours(ids, neighbours("polygons-queen-nb.csv"));
        }
    }
}
