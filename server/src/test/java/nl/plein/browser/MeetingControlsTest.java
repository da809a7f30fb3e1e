package nl.plein.browser;

import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
 * A planner chairs a meeting from the projector at 1280 × 720 and, by keyboard alone, opens the
 * meeting's controls and asks the room a question: the join code and the QR code stay wholly on
 * the room's screen throughout.
 */
class MeetingControlsTest {
    static TestServer server;
    static Browser browser;
    static long presentationId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        var accounts = new AccountStore(Jdbis.create(server.dataSource));
        accounts.create("admin@controls.test", Passwords.hash(DemoData.DEMO_PASSWORD), "Admin", Optional.empty(), Role.ADMIN);
        accounts.create("planner@controls.test", Passwords.hash(DemoData.DEMO_PASSWORD), "Planner", Optional.empty(), Role.PLANNER);
        Client admin = new Client(server.baseUrl);
        admin.signIn("admin@controls.test", DemoData.DEMO_PASSWORD);
        long projectId = admin.post("/api/projects", project("Kerkplein", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        Client planner = new Client(server.baseUrl);
        planner.signIn("planner@controls.test", DemoData.DEMO_PASSWORD);
        presentationId = planner.post("/api/projects/" + projectId + "/presentations", Map.of("title", "Raadsavond"))
                .expect(201).json().get("id").asLong();
        planner.post("/api/presentations/" + presentationId + "/slides", Map.of("title", "Het plein", "text", "",
                "view", Map.of("bbox", List.of(5.50, 52.50, 5.51, 52.51), "layers", Map.of("proposals", Map.of())))).expect(201);
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    /** The element lies wholly inside the window and inside every box that clips it, and nothing covers it. */
    private static void assertWhollyShown(Page page, String selector, String when) {
        Object problem = page.evaluate("""
                (selector) => {
                  const element = document.querySelector(selector);
                  const r = element.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0) return 'it has no size';
                  if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return 'outside the window: ' + JSON.stringify(r);
                  for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
                    const style = getComputedStyle(box);
                    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
                    const b = box.getBoundingClientRect();
                    if (r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5 || r.left < b.left - 0.5 || r.right > b.right + 0.5)
                      return 'clipped by ' + (box.id || box.className) + ': ' + JSON.stringify(r) + ' in ' + JSON.stringify(b);
                  }
                  for (const [x, y] of [[r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2],
                      [r.right - 2, r.bottom - 2], [(r.left + r.right) / 2, (r.top + r.bottom) / 2]]) {
                    const hit = document.elementFromPoint(x, y);
                    if (!hit || !(hit === element || element.contains(hit))) return 'covered at ' + x + ',' + y + ' by ' + (hit?.outerHTML.slice(0, 80));
                  }
                  return 'shown';
                }""", selector);
        assertEquals("shown", problem, selector + " " + when);
    }

    @Test
    void theChairOpensTheControlsByKeyboardAndTheJoinCodeStaysOnTheScreen() {
        Page screen = browser.page(1280, 720);
        Browser.signIn(screen, server.baseUrl, "planner@controls.test");
        screen.navigate(server.baseUrl + "/#/presentations/" + presentationId + "/show");
        screen.locator("#live-start").click();
        screen.locator("#live-attendees:not(:empty)").waitFor();
        screen.locator(".live-qr").evaluate("img => img.decode()");
        assertWhollyShown(screen, "#live-code", "before the controls open");
        assertWhollyShown(screen, ".live-qr", "before the controls open");

        // By keyboard: Tab to the controls' summary, Enter opens them; Tab on to the question.
        screen.locator("#slide-counter").click();
        Locator summary = screen.locator("#live-controls summary");
        for (int i = 0; i < 40 && !(Boolean) summary.evaluate("s => s === document.activeElement"); i++) {
            screen.keyboard().press("Tab");
        }
        assertTrue((Boolean) summary.evaluate("s => s === document.activeElement"), "Tab reaches the controls");
        screen.keyboard().press("Enter");
        assertTrue(screen.locator("#live-kind").isVisible(), "Enter opened the controls");
        assertWhollyShown(screen, "#live-code", "with the controls open");
        assertWhollyShown(screen, ".live-qr", "with the controls open");
        assertWhollyShown(screen, "#live-kind", "once opened (the chair's first control)");

        while (!(Boolean) screen.locator("#live-prompt").evaluate("p => p === document.activeElement")) {
            screen.keyboard().press("Tab");
        }
        screen.keyboard().type("Wat moet er op het plein komen?");
        screen.keyboard().press("Tab");
        screen.keyboard().type("Bomen\nBankjes\nEen fontein");
        screen.keyboard().press("Tab");
        assertEquals("live-ask", screen.evaluate("() => document.activeElement.form?.id"), "Tab reaches the form's button");
        screen.keyboard().press("Enter");
        screen.locator("#live-question h3", new Page.LocatorOptions().setHasText("Wat moet er op het plein komen?")).waitFor();
        assertWhollyShown(screen, "#live-code", "after asking a question by keyboard");
        assertWhollyShown(screen, ".live-qr", "after asking a question by keyboard");
        Browser.assertAccessible(screen, "the projector with the meeting's controls open");
        browser.assertNoErrors("chairing a meeting by keyboard");
    }
}
