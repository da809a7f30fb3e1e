package nl.plein.ogc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import nl.plein.http.ApiError;
import nl.plein.http.Query;

/**
 * The parameters of {@code /collections/{id}/items}, checked: a bounding box in {@code bbox-crs},
 * a creation-time interval, the response CRS and one page ({@code limit} and {@code offset}).
 *
 * @param box minX, minY, maxX, maxY in {@code boxCrs}'s SRID (x/y: longitude first for both
 *            WGS 84 CRSs), or null for no spatial filter
 * @param from the earliest creation time (inclusive), or null
 * @param until the time creation must precede (exclusive), or null
 */
public record ItemsRequest(double[] box, Crs boxCrs, OffsetDateTime from, OffsetDateTime until,
                           Crs crs, int limit, int offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    static final String[] PARAMETERS = {"f", "bbox", "bbox-crs", "crs", "datetime", "limit", "offset"};

    public static ItemsRequest of(Query query) {
        Crs boxCrs = Crs.parse("bbox-crs", query.text("bbox-crs", 100));
        // Only 2D boxes; one crossing the antimeridian (minX > maxX) cannot reach Plein's data.
        double[] box = switch (boxCrs) {
            case CRS84 -> query.bbox("bbox").orElse(null);
            case WGS84_LAT_LON -> query.latLonBox("bbox").orElse(null);
            case RD_NEW -> query.projectedBox("bbox").orElse(null);
        };
        OffsetDateTime from = null;
        OffsetDateTime until = null;
        var datetime = query.text("datetime", 100);
        if (datetime.isPresent()) {
            String raw = datetime.get();
            String[] ends = raw.split("/", -1);
            if (ends.length > 2) {
                throw ApiError.invalid("datetime", "must be an instant or an interval start/end, not '" + raw + "'");
            }
            if (ends.length == 1) {
                from = start(ends[0]);
                until = end(ends[0]);
            } else {
                from = open(ends[0]) ? null : start(ends[0]);
                until = open(ends[1]) ? null : end(ends[1]);
                if (from != null && until != null && !from.isBefore(until)) {
                    throw ApiError.invalid("datetime", "the interval must not end before it starts");
                }
            }
        }
        return new ItemsRequest(box, boxCrs, from, until, Crs.parse("crs", query.text("crs", 100)),
                query.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                query.integer("offset", 0, 0, Integer.MAX_VALUE));
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    /** The first moment of an instant: itself, or the start of a day (UTC). */
    private static OffsetDateTime start(String raw) {
        return raw.length() == 10 ? date(raw).atStartOfDay().atOffset(ZoneOffset.UTC) : instant(raw);
    }

    /** The moment after an instant: a microsecond (PostgreSQL's precision) later, or the next day. */
    private static OffsetDateTime end(String raw) {
        return raw.length() == 10 ? date(raw).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)
                : instant(raw).plusNanos(1000);
    }

    private static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiError.invalid("datetime", "'" + raw + "' is not a date written YYYY-MM-DD");
        }
    }

    private static OffsetDateTime instant(String raw) {
        try {
            return OffsetDateTime.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiError.invalid("datetime", "'" + raw + "' is not an RFC 3339 date-time such as 2026-03-01T12:00:00Z");
        }
    }
}
