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
 * A live meeting in two real browsers: a phone joins with the code and comments; the comment
 * appears on the screen's live panel within 2 s; a moderator hides it there and it disappears.
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
        new AccountStore(server.dataSource).create("chair@test.example", Passwords.hash(DemoData.DEMO_PASSWORD),
                "Chair", Optional.empty(), Role.ADMIN);
        Client chair = new Client(server.baseUrl);
        chair.signIn("chair@test.example", DemoData.DEMO_PASSWORD);
        long projectId = chair.post("/api/projects", project("Dorpsplein", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        long proposalId = chair.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Meer bomen"))
                .expect(201).json().get("id").asLong();
        var meeting = chair.post("/api/projects/" + projectId + "/meetings", Map.of()).expect(201).json();
        String code = meeting.get("code").asText();

        Page screen = browser.desktop();
        Browser.signIn(screen, server.baseUrl, "chair@test.example");
        screen.navigate(server.baseUrl + "/#/meetings/" + meeting.get("id").asLong() + "/screen");
        screen.locator("#live-code").waitFor();
        assertEquals(code, screen.locator("#live-code").textContent());
        assertTrue(screen.locator(".live-qr").getAttribute("alt").contains("/j/" + code));
        screen.locator("#live-attendees").waitFor();

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
        phone.locator("text=" + "Uw reactie is verstuurd.").waitFor();

        Locator shown = screen.locator(".live-comment", new Page.LocatorOptions().setHasText("bank onder de linde"));
        shown.waitFor(new Locator.WaitForOptions().setTimeout(2000));
        Browser.assertAccessible(screen, "live panel");

        shown.locator(".live-hide").click();
        shown.waitFor(new Locator.WaitForOptions().setState(
                com.microsoft.playwright.options.WaitForSelectorState.DETACHED).setTimeout(2000));

        // The chair asks for a pin from the panel; the phone puts it on the map.
        screen.locator("#live-kind").selectOption("pin");
        screen.locator("#live-prompt").fill("Waar moet de bank staan?");
        screen.locator("#live-ask button[type=submit]").click();
        phone.locator("#join-pin-map").waitFor();
        Browser.assertAccessible(phone, "pin question");
        phone.locator("#join-pin-map").click();
        phone.locator("#join-answer button[type=submit]").click();
        phone.locator("text=Uw antwoord is bewaard; u kunt het nog wijzigen.").waitFor();
        screen.locator("#live-question", new Page.LocatorOptions().setHasText("Getoonde spelden: 1")).waitFor(
                new Locator.WaitForOptions().setTimeout(2000));
        browser.assertNoErrors("live meeting");
    }
}
