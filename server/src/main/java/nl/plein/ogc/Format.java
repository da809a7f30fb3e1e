package nl.plein.ogc;

import io.javalin.http.Context;
import java.util.Locale;
import nl.plein.http.ApiError;
import nl.plein.http.Query;

/**
 * The encoding of an answer: {@code f} when given ({@code json} and {@code geojson} are the same),
 * else HTML only when the Accept header prefers {@code text/html} to every JSON type, as browsers'
 * does. A tie, no header or {@code *}{@code /*} stays JSON, so GIS clients (GDAL asks for
 * {@code application/geo+json, application/json}, curl for {@code *}{@code /*}) get what they always did.
 */
enum Format {
    JSON, HTML;

    static Format of(Context ctx, Query query) {
        var f = query.text("f", 20);
        if (f.isPresent()) {
            return switch (f.get()) {
                case "json", "geojson" -> JSON;
                case "html" -> HTML;
                default -> throw ApiError.invalid("f", "json, geojson or html, not '" + f.get() + "'");
            };
        }
        return prefersHtml(ctx.header("Accept")) ? HTML : JSON;
    }

    /** Whether text/html's quality is above that of every range that admits JSON. */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (type.equals("text/html")) {
                html = Math.max(html, q);
            } else if (type.equals("*/*") || type.equals("application/*") || type.equals("application/json")
                    || type.endsWith("+json")) {
                json = Math.max(json, q);
            }
        }
        return html > json;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("q")) {
                try {
                    return Math.min(1, Math.max(0, Double.parseDouble(pair[1].strip())));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
