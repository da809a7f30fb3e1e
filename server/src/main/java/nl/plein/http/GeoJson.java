package nl.plein.http;

import io.javalin.http.Context;
import java.util.List;

/**
 * Writes GeoJSON (RFC 7946) responses from features that PostGIS already serialised, so a large
 * list is joined as text rather than parsed and written again.
 */
public final class GeoJson {
    public static final String MEDIA_TYPE = "application/geo+json";

    private GeoJson() {
    }

    public static void feature(Context ctx, String featureJson) {
        send(ctx, MEDIA_TYPE, featureJson);
    }

    /**
     * Sends text as UTF-8, whatever the media type: JSON is UTF-8 (RFC 8259), but a servlet container
     * falls back to ISO-8859-1 for types it does not know, such as application/geo+json.
     */
    public static void send(Context ctx, String mediaType, String text) {
        ctx.contentType(mediaType).result(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A FeatureCollection, with a {@code next} link when there is a further page. */
    public static void collection(Context ctx, List<String> features, String nextHref) {
        var out = new StringBuilder(64 + features.stream().mapToInt(String::length).sum() + features.size());
        out.append("{\"type\":\"FeatureCollection\",\"numberReturned\":").append(features.size());
        out.append(",\"features\":[");
        for (int i = 0; i < features.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(features.get(i));
        }
        out.append("],\"links\":[");
        out.append("{\"rel\":\"self\",\"type\":\"").append(MEDIA_TYPE).append("\",\"href\":")
                .append(Json.write(ctx.fullUrl())).append('}');
        if (nextHref != null) {
            out.append(",{\"rel\":\"next\",\"type\":\"").append(MEDIA_TYPE).append("\",\"href\":")
                    .append(Json.write(nextHref)).append('}');
        }
        out.append("]}");
        send(ctx, MEDIA_TYPE, out.toString());
    }
}
