package nl.plein.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Query parameters, strictly: unknown or repeated names are refused, each value is typed. */
public final class Query {
    private final Map<String, List<String>> params;

    private Query(Map<String, List<String>> params) {
        this.params = params;
    }

    public static Query of(Context ctx, String... allowed) {
        var params = ctx.queryParamMap();
        var known = Set.of(allowed);
        for (var entry : params.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw ApiError.unknownParameter(entry.getKey(),
                        allowed.length == 0 ? "none" : String.join(", ", allowed));
            }
            if (entry.getValue().size() > 1) {
                throw ApiError.invalid(entry.getKey(), "give this parameter once, not "
                        + entry.getValue().size() + " times");
            }
        }
        return new Query(params);
    }

    public Optional<String> text(String name, int maxLength) {
        var values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return Optional.empty();
        }
        String value = values.get(0).strip();
        Fields.checkText(name, value, maxLength);
        return Optional.of(value);
    }

    public Optional<Long> id(String name) {
        return text(name, 20).map(raw -> {
            try {
                long value = Long.parseLong(raw);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw ApiError.invalid(name, "must be a positive whole number, not '" + raw + "'");
        });
    }

    public int integer(String name, int fallback, int min, int max) {
        return optionalInteger(name, min, max).orElse(fallback);
    }

    public Optional<Integer> optionalInteger(String name, int min, int max) {
        return text(name, 12).map(raw -> {
            try {
                int value = Integer.parseInt(raw);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw ApiError.invalid(name, "must be a whole number from " + min + " to " + max + ", not '" + raw + "'");
        });
    }

    /** A decimal number in [min, max]; {@code minExclusive} makes min itself refused (eps > 0). */
    public Optional<Double> number(String name, double min, boolean minExclusive, double max) {
        return text(name, 32).map(raw -> {
            double value;
            try {
                value = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw ApiError.invalid(name, "must be a number, not '" + raw + "'");
            }
            if (Double.isNaN(value) || (minExclusive ? value <= min : value < min) || value > max) {
                throw ApiError.invalid(name, "must be " + (minExclusive ? "greater than " : "at least ")
                        + Numbers.plain(min) + " and at most " + Numbers.plain(max) + ", not '" + raw + "'");
            }
            return value;
        });
    }


    /** A calendar date, YYYY-MM-DD. */
    public Optional<java.time.LocalDate> date(String name) {
        return text(name, 10).map(raw -> {
            try {
                return java.time.LocalDate.parse(raw);
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiError.invalid(name, "must be a date written YYYY-MM-DD, not '" + raw + "'");
            }
        });
    }

    /** Days {@code from} and {@code to}, each inclusive and either absent (null). */
    public record DateRange(java.time.LocalDate from, java.time.LocalDate to) {
    }

    /** The parameters {@code from} and {@code to} as dates, {@code to} not before {@code from}. */
    public DateRange dateRange() {
        var from = date("from").orElse(null);
        var to = date("to").orElse(null);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiError.invalid("to", "must not be before 'from' (" + from + ")");
        }
        return new DateRange(from, to);
    }

    public <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
        return text(name, 64).map(raw -> Choices.parse(name, raw, type));
    }

    /** {@code minLon,minLat,maxLon,maxLat} in WGS 84, as OGC API and most clients send it. */
    public Optional<double[]> bbox(String name) {
        return box(name, "minLon,minLat,maxLon,maxLat").map(box -> {
            if (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90) {
                throw ApiError.invalid(name, "longitudes must lie in [-180, 180] and latitudes in [-90, 90]");
            }
            return box;
        });
    }

    /**
     * {@code minLat,minLon,maxLat,maxLon}, as EPSG:4326 orders its axes, handed back in x/y order
     * (minLon, minLat, maxLon, maxLat) like {@link #bbox}.
     */
    public Optional<double[]> latLonBox(String name) {
        return box(name, "minLat,minLon,maxLat,maxLon").map(box -> {
            if (box[0] < -90 || box[2] > 90 || box[1] < -180 || box[3] > 180) {
                throw ApiError.invalid(name, "latitudes (first and third) must lie in [-90, 90] and longitudes in [-180, 180]");
            }
            return new double[] {box[1], box[0], box[3], box[2]};
        });
    }

    /** {@code minX,minY,maxX,maxY} in a projected CRS (metres): four finite numbers, minimum first. */
    public Optional<double[]> projectedBox(String name) {
        return box(name, "minX,minY,maxX,maxY");
    }

    private Optional<double[]> box(String name, String order) {
        return text(name, 200).map(raw -> {
            String[] parts = raw.split(",", -1);
            if (parts.length != 4) {
                throw ApiError.invalid(name, "must be four numbers " + order);
            }
            double[] box = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    box[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw ApiError.invalid(name, "value " + (i + 1) + " ('" + parts[i].trim() + "') is not a number");
                }
                if (!Double.isFinite(box[i])) {
                    throw ApiError.invalid(name, "value " + (i + 1) + " is not a finite number");
                }
            }
            if (box[0] > box[2] || box[1] > box[3]) {
                throw ApiError.invalid(name, "the minimum must not exceed the maximum");
            }
            return box;
        });
    }
}
