package nl.plein.browser;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plein.db.Jdbis;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Passwords;
import nl.plein.accounts.Role;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.Browser;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A moderator hides an answer from the live panel: a planner projects a presentation while six
 * people put pins (one on a named place); the moderator, on the meeting's screen, unfolds the
 * answers, gives a reason and hides the pin on the place by keyboard after confirming, and the
 * projected slide, whose pins carry the numbers the list names them by, loses that pin within 2 s. The planner, who may not hide, never sees the control.
 */
class LiveAnswerModerationTest {
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    static Client account(String email, Role role) {
        new AccountStore(Jdbis.create(server.dataSource)).create(email, Passwords.hash(DemoData.DEMO_PASSWORD),
                email.split("@")[0], Optional.empty(), role);
        Client client = new Client(server.baseUrl);
        client.signIn(email, DemoData.DEMO_PASSWORD);
        return client;
    }

    @Test
    void aModeratorHidesAPinFromThePanelAndItLeavesTheProjectorWithinTwoSeconds() throws Exception {
        Client admin = account("admin@test.example", Role.ADMIN);
        Client planner = account("planner@test.example", Role.PLANNER);
        account("moderator@test.example", Role.MODERATOR);
        long projectId = admin.post("/api/projects", project("Lindeplein", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        admin.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Een bank")).expect(201);
        admin.post("/api/projects/" + projectId + "/places", Map.of("type", "Feature", "geometry",
                Map.of("type", "Point", "coordinates", List.of(5.51, 52.507)), "properties",
                Map.of("name", "De Linde"))).expect(201);
        long presentation = planner.post("/api/projects/" + projectId + "/presentations", Map.of("title", "Avond"))
                .expect(201).json().get("id").asLong();
        planner.post("/api/presentations/" + presentation + "/slides", Map.of("title", "Waar?", "text", "",
                "view", Map.of("bbox", List.of(5.49, 52.49, 5.52, 52.52),
                        "layers", Map.of("proposals", Map.of("statuses", List.of("published")))))).expect(201);
        var meeting = planner.post("/api/projects/" + projectId + "/meetings", Map.of("presentationId", presentation))
                .expect(201).json();
        long meetingId = meeting.get("id").asLong();
        String code = meeting.get("code").asText();
        long question = planner.post("/api/meetings/" + meetingId + "/questions",
                Map.of("kind", "pin", "prompt", "Waar moet de bank staan?")).expect(201).json().get("id").asLong();

        Page projector = browser.page(1920, 1080);
        Browser.signIn(projector, server.baseUrl, "planner@test.example");
        projector.navigate(server.baseUrl + "/#/presentations/" + presentation + "/show");
        projector.locator("#live-code").waitFor();

        // Six pins; the last one is put on the named place, as a phone without the map does.
        var pins = new ArrayList<List<Double>>();
        for (int i = 0; i < 5; i++) {
            pins.add(List.of(5.502 + i * 0.002, 52.503));
        }
        pins.add(List.of(5.51, 52.507));
        for (int i = 0; i < pins.size(); i++) {
            Client phone = new Client(server.baseUrl);
            var joined = phone.post("/api/meetings/join", Map.of("code", code, "displayName", "Buur " + i))
                    .expect(201).json();
            phone.useCsrfToken(joined.get("csrfToken").asText());
            phone.put("/api/meetings/" + meetingId + "/questions/" + question + "/answer",
                    Map.of("geometry", Map.of("type", "Point", "coordinates", pins.get(i)))).expect(200);
        }
        Locator projected = projector.locator(".slide-map path[fill=\"#ffd700\"]");
        projected.nth(5).waitFor(new Locator.WaitForOptions().setTimeout(5000));
        assertEquals(6, projected.count(), "the six pins on the projected slide");
        Locator numbers = projector.locator(".slide-map .pin-number");
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), numbers.allTextContents(),
                "each pin carries the number the moderator's list names it by");
        assertEquals(0, projector.locator("#live-answers").count(), "a planner may not hide answers: no control");

        Page screen = browser.page(1280, 900);
        Browser.signIn(screen, server.baseUrl, "moderator@test.example");
        screen.navigate(server.baseUrl + "/#/meetings/" + meetingId + "/screen");
        Locator summary = screen.locator("#live-answers summary");
        summary.waitFor();
        // By keyboard: unfold the control, then the first button is the newest answer's.
        summary.focus();
        screen.keyboard().press("Enter");
        Locator answers = screen.locator("#live-answers .live-answer");
        answers.nth(5).waitFor();
        assertEquals(6, answers.count(), "every pin is listed");
        assertTrue(answers.first().textContent().contains("speld 6 (De Linde)"),
                "the newest pin, numbered, with its place: " + answers.first().textContent());
        assertTrue(answers.nth(1).textContent().contains("speld 5"), answers.nth(1).textContent());
        Browser.assertAccessible(screen, "the live panel with the answers control open");
        screen.locator("#live-hide-reason").fill("Geen plek voor een bank");

        var asked = new ArrayList<String>();
        screen.onDialog(dialog -> {
            asked.add(dialog.message());
            dialog.accept();
        });
        summary.focus();
        screen.keyboard().press("Tab"); // the reason
        screen.keyboard().press("Tab");
        assertEquals("Verbergen: speld 6 (De Linde)",
                screen.evaluate("() => document.activeElement.getAttribute('aria-label')"));
        screen.keyboard().press("Enter");
        // The projector, on the public view, loses the pin within 2 s.
        projected.nth(5).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED).setTimeout(2000));
        assertEquals(5, projected.count(), "five pins remain on the projector");
        assertEquals(List.of("1", "2", "3", "4", "5"), numbers.allTextContents());
        assertEquals(List.of("Wil je speld 6 (De Linde) op elk scherm verbergen?"), asked, "a confirmation first");
        screen.locator("#live-answers-status", new Page.LocatorOptions().setHasText("Verborgen: speld 6 (De Linde)"))
                .waitFor();
        answers.nth(5).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        assertEquals(5, answers.count(), "the hidden pin leaves the moderator's list");
        assertTrue(!screen.locator("#live-answers").textContent().contains("De Linde (")
                && !screen.locator("#live-answers-list").textContent().contains("De Linde"));
        assertEquals("summary", screen.evaluate("() => document.activeElement.tagName.toLowerCase()"),
                "focus stays in the control");
        Browser.assertAccessible(screen, "the live panel after hiding an answer");

        try (var c = server.dataSource.getConnection();
                var st = c.prepareStatement("SELECT reason FROM moderation_log WHERE target_kind = 'answer'");
                var rs = st.executeQuery()) {
            assertTrue(rs.next() && rs.getString(1).equals("Geen plek voor een bank"), "logged with the reason typed");
        }
        var state = admin.get("/api/meetings/" + meetingId + "/live?view=public").expect(200).json();
        assertEquals(5, state.get("question").get("pins").size(), "the public state has five pins");
        assertTrue(!state.toString().contains("answerId"), "and no answer ids");
        browser.assertNoErrors("hiding an answer from the live panel");
    }
}
