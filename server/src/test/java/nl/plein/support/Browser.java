package nl.plein.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Chromium (Debian's, never a downloaded one) driven by Playwright, with every console error
 * and page error collected so that tests can insist there are none, and axe-core at hand.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PLEIN_CHROMIUM",
            Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "/usr/bin/chromium-browser"));
    private static final Path AXE = Path.of("..", "map-client", "node_modules", "axe-core", "axe.min.js");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    public final List<String> errors = new ArrayList<>();

    public Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium is needed for the browser tests: install Debian's chromium "
                    + "(./plein test does) or set PLEIN_CHROMIUM");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-gpu")));
    }

    /** A fresh context (its own cookies) at the given viewport, reporting errors into {@link #errors}. */
    public Page page(int width, int height) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("nl-NL"));
        return watched(context.newPage());
    }

    private Page watched(Page page) {
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add("console: " + message.text());
            }
        });
        page.onPageError(error -> errors.add("page error: " + error));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                errors.add("HTTP " + response.status() + " for " + response.url());
            }
        });
        return page;
    }

    /** Signs in on the sign-in page of the server at {@code baseUrl}, with the demo accounts' password. */
    public static void signIn(Page page, String baseUrl, String email) {
        page.navigate(baseUrl + "/#/signin");
        page.locator("h1").first().waitFor();
        page.locator("#sign-in-email").fill(email);
        page.locator("#sign-in-password").fill(nl.plein.gisdata.demo.DemoData.DEMO_PASSWORD);
        page.locator("#sign-in-submit").click();
        page.locator("#sign-out").waitFor();
    }

    public Page phone() {
        return page(360, 740);
    }

    /** A phone with a touch screen: taps are touch events, as a resident's finger makes them. */
    public Page touchPhone() {
        return touchPhone(360, 740);
    }

    public Page touchPhone(int width, int height) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setHasTouch(true).setIsMobile(true).setLocale("nl-NL"));
        return watched(context.newPage());
    }

    public Page desktop() {
        return page(1280, 800);
    }

    /** Runs axe-core with the WCAG 2.1 A/AA rules and returns the violations, described. */
    public static List<String> axeViolations(Page page) {
        if (!Files.exists(AXE)) {
            throw new IllegalStateException("axe-core is missing: run npm ci in map-client (the build does)");
        }
        // Evaluated through the DevTools protocol: Plein's CSP rightly refuses an injected <script>.
        try {
            page.evaluate(Files.readString(AXE));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + AXE, e);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {runOnly: {type: 'tag',
                      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
                  return result.violations.map(v => ({id: v.id, help: v.help,
                      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}));
                }""");
        var described = new ArrayList<String>();
        for (var v : violations) {
            described.add(v.get("id") + ": " + v.get("help") + " at " + v.get("nodes"));
        }
        return described;
    }

    public static void assertAccessible(Page page, String where) {
        List<String> violations = axeViolations(page);
        assertEquals(List.of(), violations, "axe violations on " + where);
    }

    public void assertNoErrors(String where) {
        assertTrue(errors.isEmpty(), () -> "browser errors on " + where + ": " + errors);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
