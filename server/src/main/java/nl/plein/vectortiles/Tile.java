package nl.plein.vectortiles;

import java.util.Locale;
import nl.plein.http.ApiError;

/** A tile of the Web Mercator tile grid (XYZ, y down from the north), as in the path {z}/{x}/{y}. */
public record Tile(int z, int x, int y) {
    public static final int MAX_ZOOM = 22;

    /**
     * The tile named by the path's segments; y may end in {@code .mvt} or {@code .pbf}, as some
     * clients' URL templates add. Each wrong number is a 400 naming its field.
     */
    public static Tile parse(String z, String x, String y) {
        int zoom = number("z", z, MAX_ZOOM);
        int last = (1 << zoom) - 1;
        String row = y.toLowerCase(Locale.ROOT);
        if (row.endsWith(".mvt") || row.endsWith(".pbf")) {
            row = row.substring(0, row.length() - 4);
        }
        return new Tile(zoom, number("x", x, last), number("y", row, last));
    }

    private static int number(String field, String raw, int max) {
        if (raw.matches("\\d{1,7}")) {
            int value = Integer.parseInt(raw);
            if (value <= max) {
                return value;
            }
        }
        String shown = raw.length() > 20 ? raw.substring(0, 20) + "…" : raw;
        throw ApiError.invalid(field, "must be a whole number from 0 to " + max + ", not '" + shown + "'");
    }
}
