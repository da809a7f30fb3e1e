package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import nl.plein.db.Jdbis;
import nl.plein.support.Browser;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A project with 10,000 proposals: the client must never load the whole project. The page's JSON
 * stays within about 1 MB, and the map shows content: vector tiles at low zoom (more than
 * {@code TILES_ABOVE} proposals), clusters when a filter is set. How long that takes is printed
 * for the record (performance is measured, not asserted). A dot drawn from the tiles opens its
 * proposal when clicked or tapped, as a proposal drawn from GeoJSON does.
 */
class ManyProposalsTest {
    static TestServer server;
    static Browser browser;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        projectId = Jdbis.create(server.dataSource).inTransaction(h -> {
            long author = h.createQuery("INSERT INTO accounts (email, password_hash, display_name) "
                    + "VALUES ('many@test.example', 'x', 'Many') RETURNING id").mapTo(Long.class).one();
            long project = h.createQuery("INSERT INTO projects (title, area, categories) VALUES ('Tienduizend', "
                    + "ST_Multi(ST_MakeEnvelope(5.50, 52.48, 5.58, 52.52, 4326)), '{groen,spelen}') RETURNING id")
                    .mapTo(Long.class).one();
            h.createQuery("SELECT setseed(0.5)").map((rs, ctx) -> 1).one();
            h.createUpdate("""
                    INSERT INTO proposals (project_id, author_id, title, description, category, geom, status)
                    SELECT :project, :author, 'Voorstel ' || g, 'Beschrijving ' || g, CASE WHEN g % 2 = 0 THEN 'groen' ELSE 'spelen' END,
                           CASE g % 10 WHEN 0 THEN ST_MakeLine(pt, ST_Translate(pt, 0.0008, 0.0004))
                                       WHEN 1 THEN ST_Expand(pt, 0.0002) ELSE pt END,
                           'published'
                      FROM (SELECT g, ST_SetSRID(ST_MakePoint(5.501 + random() * 0.077, 52.481 + random() * 0.037), 4326) pt
                              FROM generate_series(1, 10000) g) s""")
                    .bind("project", project).bind("author", author).execute();
            return project;
        });
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    /** Each test answers for the browser errors of its own pages only. */
    @BeforeEach
    void forgetErrorsOfEarlierTests() {
        browser.errors.clear();
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
        page.waitForLoadState(LoadState.NETWORKIDLE);
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
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertTrue(jsonBytes.get() < 1_100_000, "zooming in loads only what is in view: " + jsonBytes.get());
        browser.assertNoErrors("a project with 10,000 proposals");
    }

    @Test
    void clickingADotDrawnFromVectorTilesOpensThatProposal() {
        Page page = browser.desktop();
        Map<String, Object> dot = dotDrawnFromTiles(page);
        page.mouse().click(number(dot, "x"), number(dot, "y"));
        assertOpensTheProposalDrawnAt(page, dot, "click");
        browser.assertNoErrors("clicking a dot drawn from vector tiles");
    }

    @Test
    void tappingADotDrawnFromVectorTilesOnAPhoneOpensThatProposal() {
        Page page = browser.touchPhone();
        Map<String, Object> dot = dotDrawnFromTiles(page);
        // A tap reaches 8 px around the finger, so among the dots in reach the one under it must win.
        page.touchscreen().tap(number(dot, "x"), number(dot, "y"));
        assertOpensTheProposalDrawnAt(page, dot, "tap");
        browser.assertNoErrors("tapping a dot drawn from vector tiles");
    }

    /**
     * Opens the project's map at its own (low) zoom, where the proposals are drawn from vector
     * tiles, and finds a dot on a tile's canvas: the painted pixel nearest the map's centre whose
     * 5 × 5 neighbourhood is painted too, so the point lies inside a drawing rather than on an
     * anti-aliased edge. Returns its position in the viewport (CSS pixels) and, to place it on
     * the ground, its position within the project area's outline (0 to 1 from the west and from
     * the north) and the outline's width in pixels.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> dotDrawnFromTiles(Page page) {
        page.navigate(server.baseUrl + "/#/projects/" + projectId);
        page.locator(".proposal-tiles canvas").first().waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("#project-map").scrollIntoViewIfNeeded();
        Map<String, Object> dot = (Map<String, Object>) page.evaluate("""
                () => {
                  const map = document.querySelector('#project-map').getBoundingClientRect();
                  const margin = 48; // clear of the zoom buttons and the attribution
                  const left = map.left + margin, right = map.right - margin;
                  const top = Math.max(map.top, 0) + margin, bottom = Math.min(map.bottom, innerHeight) - margin;
                  const centreX = (left + right) / 2, centreY = (top + bottom) / 2;
                  let best = null;
                  for (const canvas of document.querySelectorAll('.proposal-tiles canvas')) {
                    const rect = canvas.getBoundingClientRect();
                    const { width, height } = canvas;
                    const alpha = canvas.getContext('2d').getImageData(0, 0, width, height).data;
                    const painted = (x, y) => x >= 0 && y >= 0 && x < width && y < height
                        && alpha[(y * width + x) * 4 + 3] > 100;
                    const around = [-2, -1, 0, 1, 2];
                    const inside = (x, y) => around.every((dx) => around.every((dy) => painted(x + dx, y + dy)));
                    for (let y = 0; y < height; y += 1) {
                      for (let x = 0; x < width; x += 1) {
                        const pageX = rect.left + (x + 0.5) * rect.width / width;
                        const pageY = rect.top + (y + 0.5) * rect.height / height;
                        if (pageX < left || pageX > right || pageY < top || pageY > bottom) continue;
                        const distance = Math.hypot(pageX - centreX, pageY - centreY);
                        if (best && distance >= best.distance) continue;
                        if (inside(x, y)) best = { x: pageX, y: pageY, distance };
                      }
                    }
                  }
                  if (!best) return null;
                  const outline = document.querySelector('#project-map .leaflet-overlay-pane path').getBoundingClientRect();
                  return { ...best, fromWest: (best.x - outline.left) / outline.width,
                      fromNorth: (best.y - outline.top) / outline.height, outlineWidth: outline.width };
                }""");
        assertTrue(dot != null, "a dot drawn from the tiles is in view");
        return dot;
    }

    /**
     * Waits for a proposal's page to open and checks that the proposal is the one drawn under the
     * pointer: within a dot's radius and half its stroke (3.75 px) plus some anti-aliasing.
     */
    private static void assertOpensTheProposalDrawnAt(Page page, Map<String, Object> dot, String how) {
        page.waitForURL(Pattern.compile(".*#/proposals/\\d+$"), new Page.WaitForURLOptions().setTimeout(5_000));
        page.locator("h1", new Page.LocatorOptions().setHasText(Pattern.compile("^Voorstel \\d+$"))).waitFor();
        long opened = Long.parseLong(page.url().replaceAll(".*#/proposals/", ""));
        double off = pixelsBetween(dot, opened);
        System.out.printf("a %s on a tile dot opened proposal %d, drawn %.1f px from it%n", how, opened, off);
        assertTrue(off <= 4.5, "the " + how + " opened proposal " + opened + ", drawn " + off + " px away");
    }

    /**
     * How far, in screen pixels, the proposal's drawing lies from the dot. On a Web Mercator map
     * screen pixels are linear in EPSG:3857 metres, so the dot's place follows from its position
     * within the project area's outline (a lon/lat rectangle, so a 3857 rectangle too).
     */
    private static double pixelsBetween(Map<String, Object> dot, long proposalId) {
        return Jdbis.create(server.dataSource).withHandle(h -> h.createQuery("""
                WITH area AS (SELECT ST_Transform(area, 3857) AS box FROM projects WHERE id = :project),
                     dot AS (SELECT ST_SetSRID(ST_MakePoint(
                                        ST_XMin(box) + :fromWest * (ST_XMax(box) - ST_XMin(box)),
                                        ST_YMax(box) - :fromNorth * (ST_YMax(box) - ST_YMin(box))), 3857) AS place,
                                    (ST_XMax(box) - ST_XMin(box)) / :outlineWidth AS metres_per_pixel
                               FROM area)
                SELECT ST_Distance(ST_Transform(p.geom, 3857), dot.place) / dot.metres_per_pixel
                  FROM proposals p CROSS JOIN dot
                 WHERE p.id = :proposal""")
                .bind("project", projectId).bind("fromWest", number(dot, "fromWest"))
                .bind("fromNorth", number(dot, "fromNorth")).bind("outlineWidth", number(dot, "outlineWidth"))
                .bind("proposal", proposalId).mapTo(Double.class).one());
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
