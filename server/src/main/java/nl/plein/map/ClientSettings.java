package nl.plein.map;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.plein.config.Config;
import nl.plein.http.Query;

/** What the browser client needs to know about this server before it draws anything. */
public final class ClientSettings {
    private final Map<String, Object> body;

    public ClientSettings(Config config) {
        var basemap = new LinkedHashMap<String, Object>();
        basemap.put("kind", config.basemap().name().toLowerCase(java.util.Locale.ROOT));
        basemap.put("tiles", config.tileTemplate().isPresent() ? TileProxy.PUBLIC_TEMPLATE : null);
        basemap.put("attribution", config.basemap().attribution());
        basemap.put("maxZoom", TileProxy.MAX_CLIENT_ZOOM);
        var limits = new LinkedHashMap<String, Object>();
        limits.put("maxTitleLength", config.maxTitleLength());
        limits.put("maxTextLength", config.maxTextLength());
        limits.put("maxVertices", config.maxVertices());
        limits.put("photoMaxBytes", config.photoMaxBytes());
        var settings = new LinkedHashMap<String, Object>();
        settings.put("basemap", basemap);
        settings.put("geocoder", Map.of("enabled", config.geocoderUrl().isPresent()));
        settings.put("languages", Config.LANGUAGES);
        settings.put("defaultLanguage", config.defaultLanguage());
        settings.put("limits", limits);
        this.body = java.util.Collections.unmodifiableMap(settings);
    }

    public void get(Context ctx) {
        Query.of(ctx);
        ctx.json(body);
    }
}
