package nl.plein.browser;

import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.plein.accounts.Role;
import nl.plein.support.Browser;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A resident on a phone says, with the keyboard, that a proposal is about the whole area (no
 * particular place), and finds it listed apart on the project's page, not on the map; a planner
 * sees on the analysis page how many proposals share a spot and can count each spot once.
 */
class WholeAreaProposalTest {
    static TestServer server;
    static Browser browser;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Stadspark", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        Client neighbour = server.signedIn("buur@test.example", Role.RESIDENT);
        for (int i = 0; i < 6; i++) {
            neighbour.post("/api/projects/" + projectId + "/proposals", feature(point(5.5050, 52.5050),
                    Map.of("title", "Bij het stadhuis " + i))).expect(201);
        }
        server.signedIn("bewoner@test.example", Role.RESIDENT);
        server.signedIn("planner@test.example", Role.PLANNER);
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

    private static void signIn(Page page, String email) {
        page.navigate(server.baseUrl + "/#/signin");
        page.locator("#sign-in-email").fill(email);
        page.locator("#sign-in-password").fill(TestServer.PASSWORD);
        page.locator("#sign-in-submit").click();
        page.locator("#sign-out").waitFor();
    }

    @Test
    void aResidentOnAPhoneProposesForTheWholeAreaWithTheKeyboardAndSeesItListedApart() {
        Page page = browser.touchPhone();
        signIn(page, "bewoner@test.example");
        page.navigate(server.baseUrl + "/#/projects/" + projectId + "/new");
        page.locator("#proposal-form").waitFor();

        page.locator("#whole-area").focus();
        page.keyboard().press("Space");
        assertTrue(page.locator("#whole-area").isChecked());
        String status = page.locator("#location-status").textContent();
        assertTrue(status.contains("hele gebied"), status);
        page.locator("#proposal-title").focus();
        page.keyboard().type("Overal meer prullenbakken");
        page.locator("#proposal-submit").focus();
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*#/proposals/\\d+$"));
        long id = Long.parseLong(page.url().replaceAll(".*#/proposals/", ""));
        page.locator("#whole-area-note").waitFor();
        assertEquals(0, page.locator("#offer-variant-link").count(), "no drawing to offer a variant of");
        Browser.assertAccessible(page, "proposal about the whole area");

        JsonNode stored = server.anonymous().get("/api/proposals/" + id).expect(200).json();
        assertTrue(stored.get("geometry").isNull(), stored.toString());
        assertEquals("whole_area", stored.get("properties").get("locationMethod").asText());

        page.navigate(server.baseUrl + "/#/projects/" + projectId);
        var apart = page.locator("#whole-area-list li.proposal-item[data-proposal-id='" + id + "']");
        apart.waitFor();
        assertTrue(apart.textContent().contains("Overal meer prullenbakken"));
        assertEquals("Zonder bepaalde plek (1)", page.locator("#whole-area-heading").textContent());
        page.locator("#proposal-list li.proposal-item").first().waitFor();
        assertEquals(0, page.locator("#proposal-list li.proposal-item[data-proposal-id='" + id + "']").count(),
                "not among the proposals on the map");
        page.locator("#view-list").click();
        page.locator("#proposal-list li.proposal-item").first().waitFor();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        assertEquals(0, page.locator("#proposal-list li.proposal-item[data-proposal-id='" + id + "']").count(),
                "not in the list-only view either: it is listed apart");
        assertTrue(page.locator("#whole-area").boundingBox().width <= 360, "fits the phone");
        Browser.assertAccessible(page, "project with a proposal about the whole area");
        browser.assertNoErrors("whole area on a phone");
    }

    @Test
    void aPlannerSeesHowManyProposalsShareASpotAndCountsEachSpotOnce() {
        Page page = browser.phone();
        signIn(page, "planner@test.example");
        page.navigate(server.baseUrl + "/#/projects/" + projectId + "/analysis");
        page.locator("#an-status[data-state='ready']").waitFor();
        String note = page.locator("#analysis-locations").textContent();
        assertTrue(note.startsWith("6 voorstellen delen één plek"), note);
        assertFalse(note.contains("herhaalde"), note);

        page.locator("#an-filter-locations").selectOption("once");
        page.locator("#an-apply").click();
        // A locator wait, not waitForFunction: polling a string predicate needs eval, which the CSP refuses.
        page.locator("#analysis-locations", new Page.LocatorOptions().setHasText("herhaalde")).waitFor();
        note = page.locator("#analysis-locations").textContent();
        assertTrue(note.contains("5 herhaalde voorstellen"), note);
        Browser.assertAccessible(page, "analysis with each spot counted once");
        browser.assertNoErrors("analysis locations");
    }
}
