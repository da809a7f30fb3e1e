package nl.plein.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.plein.config.Config;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import nl.plein.http.Query;

/**
 * Address search through a PDOK Locatieserver (v3.1) on the resident's behalf, so their browser
 * talks only to Plein. What a resident types can be their home address: it is passed on, and
 * never logged or stored.
 */
public final class Geocoder {
    private static final Pattern WKT_POINT = Pattern.compile(
            "\\s*POINT\\s*\\(\\s*(-?[0-9.]+(?:[eE][-+]?\\d+)?)\\s+(-?[0-9.]+(?:[eE][-+]?\\d+)?)\\s*\\)\\s*");
    private static final String UNAVAILABLE = "the address search is not available right now";

    private final Optional<String> baseUrl;
    private final HttpClient http;

    public Geocoder(Config config) {
        this.baseUrl = config.geocoderUrl();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public record Result(String label, String type, Map<String, Object> point) {
    }

    public void search(Context ctx) {
        var query = Query.of(ctx, "q");
        String base = baseUrl.orElseThrow(() -> ApiError.switchedOff("Address search is switched off on this server."));
        String q = query.text("q", 200).orElseThrow(() -> ApiError.invalid("q", "is required"));
        if (q.codePointCount(0, q.length()) < 2) {
            throw ApiError.invalid("q", "needs at least 2 characters");
        }
        ctx.json(Map.of("results", ask(base + "/free?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&rows=5&fl=weergavenaam,centroide_ll,type")));
    }

    /** Failures say nothing about the question: an exception's text could repeat the URL, and so the query. */
    private List<Result> ask(String url) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("User-Agent", "Plein/0.1").header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ApiError.upstreamUnavailable(UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.upstreamUnavailable(UNAVAILABLE);
        }
        if (response.statusCode() != 200) {
            throw ApiError.upstreamUnavailable(UNAVAILABLE);
        }
        JsonNode docs;
        try {
            docs = Json.MAPPER.readTree(response.body()).path("response").path("docs");
        } catch (IOException | RuntimeException e) {
            throw ApiError.upstreamUnavailable(UNAVAILABLE);
        }
        var results = new ArrayList<Result>();
        for (JsonNode doc : docs) {
            var point = WKT_POINT.matcher(doc.path("centroide_ll").asText(""));
            String label = doc.path("weergavenaam").asText("");
            if (!point.matches() || label.isBlank()) {
                continue;
            }
            double lon = Double.parseDouble(point.group(1));
            double lat = Double.parseDouble(point.group(2));
            results.add(new Result(label, doc.path("type").asText(""),
                    Map.of("type", "Point", "coordinates", List.of(lon, lat))));
        }
        return results;
    }
}
