package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Passwords;
import nl.plein.areas.AreaAssignment;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.Browser;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The realisation map and the work page in a real Chromium over the demo town's works: in Dutch and
 * English, on a phone and a desktop, axe-clean, every work listed with its status in words and its
 * place on the map drawn; a planner adds a step, changes the spending and draws what was built with
 * the keyboard, and the page shows each change.
 */
class WorksPagesTest {
    static TestServer server;
    static Browser browser;
    static WorksWalk works;
    static final Map<String, Map<String, String>> WORDS = Map.of(
            "nl", Map.of("construction", "In uitvoering", "delayed", "Vertraagd", "design", "Ontwerp", "legend", "Stand van het werk"),
            "en", Map.of("construction", "Under construction", "delayed", "Delayed", "design", "Design", "legend", "Status of the work"));

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        DemoData.loadIfEmpty(server.dataSource, Passwords::hash, AreaAssignment::assignAll);
        works = new WorksWalk(server);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @BeforeEach
    void freshErrorLog() {
        browser.errors.clear();
    }

    private static void open(Page page, String hash) {
        page.navigate(server.baseUrl + "/#" + hash);
        page.locator("h1").first().waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static void language(Page page, String language) {
        page.navigate(server.baseUrl + "/#/");
        page.locator("#language-" + language).click();
        page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
    }

    @Test
    void theRealisationMapListsEveryWorkWithItsStatusInWordsOnPhoneAndDesktopInBothLanguages() {
        for (Page page : List.of(browser.page(390, 844), browser.desktop())) {
            for (String language : List.of("nl", "en")) {
                language(page, language);
                open(page, works.mapHash());
                page.locator("#works-list .work-card").first().waitFor();
                assertEquals(works.works.size(), page.locator("#works-list .work-card").count());
                var words = WORDS.get(language);
                var late = page.locator(".work-card[data-work-id='" + works.delayedWork + "']");
                assertTrue(late.textContent().contains(words.get("construction")), late.textContent());
                assertTrue(late.textContent().contains(words.get("delayed")), late.textContent());
                assertTrue(page.locator("#works-legend").textContent().contains(words.get("legend")));
                // Every demo work has a place: a dashed proposed outline each, drawn as SVG paths.
                assertTrue(page.locator("#works-map path.leaflet-interactive").count() >= works.works.size());
                assertTrue(page.locator("#works-figures").textContent().contains("3"));
                Browser.assertAccessible(page, "the realisation map in " + language);
                open(page, "/works/" + works.delayedWork);
                page.locator("#work-timeline").waitFor();
                assertEquals(3, page.locator("#work-timeline > li").count());
                assertTrue(page.locator("#work-status").textContent().contains(words.get("delayed")));
                assertTrue(page.locator("#work-legend").isVisible());
                page.locator("#work-evaluations-heading").waitFor();
                assertEquals(1, page.locator("#work-follow a, #work-follow button").count(),
                        "following the work: a sign-in link for someone not signed in");
                assertTrue(page.locator(".work-proposal-link").first().getAttribute("href").startsWith("#/proposals/"));
                Browser.assertAccessible(page, "the work page in " + language);
            }
        }
        browser.assertNoErrors("the works pages");
    }

    @Test
    void theProjectPageLinksToItsWorks() {
        Page page = browser.page(390, 844);
        open(page, "/projects/" + works.projectId);
        page.locator("#works-link").waitFor();
        page.locator("#works-link").click();
        page.locator("#works-list").waitFor();
        assertTrue(page.url().endsWith(works.mapHash()));
    }

    @Test
    void aPlannerAddsAStepChangesTheSpendingAndDrawsWhatWasBuiltByKeyboard() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "planner@demo.plein.test");
        language(page, "nl");
        open(page, "/works/" + works.plannedWork);
        page.locator("#step-form").waitFor();
        Browser.assertAccessible(page, "the work page with a planner's controls");
        page.locator("#step-kind").selectOption("design");
        page.locator("#step-date").fill("2026-11-02");
        page.locator("#step-note").fill("Eerste schetsen besproken met de buurt.");
        page.locator("#step-submit").click();
        page.locator("#work-timeline > li").first().waitFor();
        assertTrue(page.locator("#work-timeline").textContent().contains("Eerste schetsen besproken met de buurt."));
        page.locator("#work-status .work-status-design").waitFor();

        page.locator("#work-spent").fill("-3");
        page.locator("#work-edit-submit").click();
        page.locator("#work-spent-error").waitFor();
        assertFalse(page.locator("#work-spent-error").textContent().isBlank());
        page.locator("#work-spent").fill("2750");
        page.locator("#work-edit-submit").click();
        page.waitForCondition(() -> page.locator("#work-facts").textContent().contains("2750")
                || page.locator("#work-facts").textContent().contains("2.750"));

        page.locator("#keyboard-kind").selectOption("point");
        page.locator("#keyboard-start").click();
        page.locator("#keyboard-add-vertex").click();
        if (page.locator("#keyboard-finish").isVisible() && page.locator("#keyboard-finish").isEnabled()) {
            page.locator("#keyboard-finish").click();
        }
        page.locator("#as-built-save:not([disabled])").waitFor();
        page.locator("#as-built-save").click();
        page.locator("#as-built-clear:not([disabled])").waitFor();
        JsonNode work = server.anonymous().get("/api/works/" + works.plannedWork).expect(200).json();
        assertEquals("Point", work.get("asBuilt").get("type").asText());
        assertEquals("design", work.get("status").asText());
        assertEquals(2750, work.get("spent").asLong());
        page.locator("#as-built-clear").click();
        page.locator("#as-built-clear[disabled]").waitFor();
        assertTrue(server.anonymous().get("/api/works/" + works.plannedWork).expect(200).json().get("asBuilt").isNull());
        // The refused spending was a 400 the page showed beside its field; nothing else went wrong.
        browser.errors.removeIf(e -> e.startsWith("HTTP 400") || e.contains("400 (Bad Request)"));
        browser.assertNoErrors("a planner's controls on the work page");
    }
}
