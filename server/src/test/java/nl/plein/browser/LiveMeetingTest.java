package nl.plein.browser;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
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
import nl.plein.support.A4Pdf;
import nl.plein.support.Browser;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A live meeting in two real browsers, on the projector: the chair opens a presentation in projector
 * mode at 1920 × 1080 and starts the meeting from its live panel, which shows the join code and the
 * QR code; a phone (a second browser context) joins with the code and comments; the comment appears
 * on the projector within 2 s; a moderator hides it there and it disappears; a pin question is
 * answered on the phone's map; the slides still turn by keyboard; closing the meeting leaves a
 * record whose printable page prints to an A4 PDF with the meeting's headings and figures.
 */
class LiveMeetingTest {
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

    @Test
    void aCommentFromAPhoneAppearsOnTheScreenWithinTwoSecondsAndAHideRemovesIt() {
        new AccountStore(Jdbis.create(server.dataSource)).create("chair@test.example",
                Passwords.hash(DemoData.DEMO_PASSWORD), "Chair", Optional.empty(), Role.ADMIN);
        Client chair = new Client(server.baseUrl);
        chair.signIn("chair@test.example", DemoData.DEMO_PASSWORD);
        long projectId = chair.post("/api/projects", project("Dorpsplein", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        long proposalId = chair.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Meer bomen"))
                .expect(201).json().get("id").asLong();
        long presentation = chair.post("/api/projects/" + projectId + "/presentations", Map.of("title", "Raadsavond"))
                .expect(201).json().get("id").asLong();
        for (String title : List.of("De voorstellen", "Wat we kozen")) {
            chair.post("/api/presentations/" + presentation + "/slides", Map.of("title", title, "text", "",
                    "view", Map.of("bbox", List.of(5.49, 52.49, 5.52, 52.52),
                            "layers", Map.of("proposals", Map.of("statuses", List.of("published")))))).expect(201);
        }

        Page screen = browser.page(1920, 1080);
        Browser.signIn(screen, server.baseUrl, "chair@test.example");
        screen.navigate(server.baseUrl + "/#/presentations/" + presentation + "/show");
        screen.locator("#live-start").click();
        screen.locator("#live-code").waitFor();
        var meeting = chair.get("/api/projects/" + projectId + "/meetings").expect(200).json().get(0);
        long meetingId = meeting.get("id").asLong();
        String code = meeting.get("code").asText();
        assertEquals(presentation, meeting.get("presentationId").asLong(), "the meeting shows this presentation");
        assertEquals(code, screen.locator("#live-code").textContent());
        assertTrue(screen.locator(".live-qr").getAttribute("alt").contains("/j/" + code));
        assertTrue(screen.locator(".live-qr").evaluate("img => img.complete && img.naturalWidth > 0").equals(true),
                "the QR code is drawn");
        screen.locator("#live-attendees").waitFor();
        var panel = screen.locator("#live-panel").boundingBox();
        var slide = screen.locator("#projector-stage").boundingBox();
        assertTrue(slide.x + slide.width <= panel.x + 1, "the panel stands beside the slide, not over it");
        assertTrue(!screen.locator("#live-kind").isVisible(), "the chair's controls are folded away from the room");

        Page phone = browser.phone();
        phone.navigate(server.baseUrl + "/j/" + code);
        phone.locator("#join-name").waitFor();
        Browser.assertAccessible(phone, "join form");
        phone.locator("#join-name").fill("Sanne");
        phone.locator("#join-submit").click();
        Locator box = phone.locator("#join-comment-" + proposalId);
        box.waitFor();
        Browser.assertAccessible(phone, "attendee view");
        box.fill("Graag een bank onder de linde");
        box.locator("xpath=..").locator("button[type=submit]").click();
        phone.locator("text=Je reactie is verstuurd.").waitFor();

        Locator shown = screen.locator(".live-comment", new Page.LocatorOptions().setHasText("bank onder de linde"));
        shown.waitFor(new Locator.WaitForOptions().setTimeout(2000));
        Browser.assertAccessible(screen, "live panel");

        shown.locator(".live-hide").click();
        shown.waitFor(new Locator.WaitForOptions().setState(
                com.microsoft.playwright.options.WaitForSelectorState.DETACHED).setTimeout(2000));

        // The chair asks for a pin from the panel; the phone puts it on the map.
        screen.locator("#live-controls summary").click();
        screen.locator("#live-kind").selectOption("pin");
        screen.locator("#live-prompt").fill("Waar moet de bank staan?");
        screen.locator("#live-ask button[type=submit]").click();
        phone.locator("#join-pin-map").waitFor();
        Browser.assertAccessible(phone, "pin question");
        phone.locator("#join-pin-map").click();
        phone.locator("#join-answer button[type=submit]").click();
        phone.locator("text=Je antwoord is bewaard; je kunt het nog wijzigen.").waitFor();
        // The projector shows the room the public view, though a planner runs it: one answer is "<5"
        // and its pin is not shown yet.
        screen.locator("#live-question", new Page.LocatorOptions().setHasText("Antwoorden: <5")).waitFor(
                new Locator.WaitForOptions().setTimeout(2000));
        assertTrue(screen.locator("#live-question").textContent().contains("Getoonde spelden: 0"));
        // Four more people answer: from five on, the pins are drawn on the projected slide.
        long question = chair.get("/api/meetings/" + meetingId + "/live").expect(200).json().get("question").get("id")
                .asLong();
        for (int i = 0; i < 4; i++) {
            Client other = new Client(server.baseUrl);
            var joined = other.post("/api/meetings/join", Map.of("code", code, "displayName", "Buur " + i)).expect(201).json();
            other.useCsrfToken(joined.get("csrfToken").asText());
            other.put("/api/meetings/" + meetingId + "/questions/" + question + "/answer",
                    Map.of("geometry", Map.of("type", "Point", "coordinates", List.of(5.502 + i * 0.002, 52.503)))).expect(200);
        }
        screen.locator("#live-question", new Page.LocatorOptions().setHasText("Getoonde spelden: 5")).waitFor(
                new Locator.WaitForOptions().setTimeout(2000));
        Locator pins = screen.locator(".slide-map path[fill=\"#ffd700\"]");
        pins.nth(4).waitFor(new Locator.WaitForOptions().setTimeout(2000));
        assertEquals(5, pins.count(), "the five pins on the slide");

        // The slides still turn by keyboard with the panel on the projector.
        screen.locator("#slide-counter").click();
        screen.keyboard().press("PageDown");
        assertEquals("2 / 2", screen.locator("#slide-counter").textContent().trim());
        assertEquals("Wat we kozen", screen.locator(".slide-title").first().textContent().trim());
        screen.locator(".slide-map path[fill=\"#ffd700\"]").nth(4).waitFor();
        assertEquals(5, screen.locator(".slide-map path[fill=\"#ffd700\"]").count(), "the pins follow to the next slide");
        Browser.assertAccessible(screen, "projector with the live panel");

        // Closing leaves a record; its printable page prints to A4 with what the meeting showed.
        assertTrue(screen.locator("#live-close").isVisible(), "the controls stay open while the chair uses them");
        screen.locator("#live-close").click();
        screen.locator("#live-record").waitFor();
        screen.locator("#live-record").click();
        screen.waitForURL("**/reports/meetings/" + meetingId + "?lang=nl");
        assertTrue(screen.locator("h1").textContent().startsWith("Verslag van de bijeenkomst van "));
        Browser.assertAccessible(screen, "the meeting's record in Dutch");
        byte[] pdf = screen.pdf(new Page.PdfOptions().setFormat("A4").setPreferCSSPageSize(true));
        String text = A4Pdf.read(pdf).text();
        for (String expected : List.of("Verslag van de bijeenkomst van", "De bijeenkomst", "Getoonde presentatie: Raadsavond",
                "Mensen die meededen 5", "Reacties gegeven 0", "Getoonde dia's", "Dia 1: De voorstellen",
                "Dia 2: Wat we kozen", "Vragen aan de zaal", "Waar moet de bank staan?", "Reacties in de bijeenkomst",
                "Er zijn in de bijeenkomst geen reacties gegeven.", "Geplaatste punten: 5", "Het proces", "Deelname")) {
            assertTrue(text.contains(expected), () -> "the record's PDF lacks '" + expected + "':\n" + text);
        }
        assertTrue(!text.contains("bank onder de linde"), "the hidden comment is not in the record");
        screen.navigate(server.baseUrl + "/reports/meetings/" + meetingId + "?lang=en");
        assertTrue(screen.locator("h1").textContent().startsWith("Record of the meeting of "));
        Browser.assertAccessible(screen, "the meeting's record in English");
        assertEquals(meetingId, chair.get("/api/meetings/" + meetingId + "/record").expect(200).json()
                .get("meeting").get("id").asLong());
        browser.assertNoErrors("live meeting");
    }
}
