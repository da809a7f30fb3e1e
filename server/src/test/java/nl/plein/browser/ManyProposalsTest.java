package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import nl.plein.db.Sql;
import nl.plein.support.Browser;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A project with 10,000 proposals: the client must never load the whole project. The page's JSON
 * stays within about 1 MB, and the map shows content: vector tiles at low zoom (more than
 * {@code TILES_ABOVE} proposals), clusters when a filter is set. How long that takes is printed
 * for the record (performance is measured, not asserted).
 */
class ManyProposalsTest {
    static TestServer server;
    static Browser browser;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        projectId = Sql.transaction(server.dataSource, c -> {
            long author = Sql.one(c, "INSERT INTO accounts (email, password_hash, display_name) "
                    + "VALUES ('many@test.example', 'x', 'Many') RETURNING id", rs -> rs.getLong(1)).orElseThrow();
            long project = Sql.one(c, "INSERT INTO projects (title, area, categories) VALUES ('Tienduizend', "
                    + "ST_Multi(ST_MakeEnvelope(5.50, 52.48, 5.58, 52.52, 4326)), '{groen,spelen}') RETURNING id",
                    rs -> rs.getLong(1)).orElseThrow();
            Sql.one(c, "SELECT setseed(0.5)", rs -> 1);
            Sql.update(c, """
                    INSERT INTO proposals (project_id, author_id, title, description, category, geom, status)
                    SELECT ?, ?, 'Voorstel ' || g, 'Beschrijving ' || g, CASE WHEN g % 2 = 0 THEN 'groen' ELSE 'spelen' END,
                           CASE g % 10 WHEN 0 THEN ST_MakeLine(pt, ST_Translate(pt, 0.0008, 0.0004))
                                       WHEN 1 THEN ST_Expand(pt, 0.0002) ELSE pt END,
                           'published'
                      FROM (SELECT g, ST_SetSRID(ST_MakePoint(5.501 + random() * 0.077, 52.481 + random() * 0.037), 4326) pt
                              FROM generate_series(1, 10000) g) s""", project, author);
            return project;
        });
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @Test
    void theProjectMapNeverLoadsTheWholeProjectAndDrawsItFromVectorTilesAtLowZoom() {
        Page page = browser.desktop();
        AtomicLong jsonBytes = new AtomicLong();
        List<String> tiles = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            String type = response.headers().getOrDefault("content-type", "");
            if (type.contains("json")) {
                jsonBytes.addAndGet(response.body().length);
            }
            if (response.url().contains("/tiles/proposals/") && response.status() == 200
                    && type.equals("application/vnd.mapbox-vector-tile")) {
                tiles.add(response.url());
            }
        });
        long start = System.nanoTime();
        page.navigate(server.baseUrl + "/#/projects/" + projectId);
        page.locator(".proposal-tiles canvas").first().waitFor();
        double firstContent = (System.nanoTime() - start) / 1e6;
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        long loaded = jsonBytes.get();
        System.out.printf("10,000 proposals: first map content after %.0f ms; %,d bytes of JSON, %d vector tiles%n",
                firstContent, loaded, tiles.size());
        assertTrue(loaded < 1_100_000, "at most about 1 MB of JSON, got " + loaded);
        assertFalse(tiles.isEmpty(), "at project zoom the proposals come as vector tiles");
        assertTrue(tiles.get(0).contains("?project=" + projectId), tiles.get(0));
        assertEquals(0, page.locator(".cluster").count(), "tiles, not clusters");
        assertTrue(page.locator("#proposal-list li").count() > 0, "the list holds the newest in view");

        // Tiles hold every public proposal; a filter is applied by the API, as clusters.
        page.selectOption("#filter-category", "groen");
        page.locator(".cluster").first().waitFor();
        assertEquals(0, page.locator(".proposal-tiles").count(), "the tiles are gone while filtered");

        jsonBytes.set(0);
        page.locator(".cluster").first().click();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        assertTrue(jsonBytes.get() < 1_100_000, "zooming in loads only what is in view: " + jsonBytes.get());
        browser.assertNoErrors("a project with 10,000 proposals");
    }
}
