package nl.plein.browser;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Passwords;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.photos.TestImages;
import nl.plein.support.Browser;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resident adds photos on a phone (390 × 844), in Dutch and in English: the picker's required alt
 * text and its errors, the preview, a refused file explained in the page's language, the thumbnails
 * with their alt text linking to the display size, and a photo with a comment; axe finds nothing.
 */
class PhotoUploadBrowserTest {
    static final String EMAIL = "fotograaf@photo.test";
    static TestServer server;
    static Browser browser;
    static long proposalId;

    @TempDir
    static Path files;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        new AccountStore(Jdbis.create(server.dataSource)).create(EMAIL, Passwords.hash(DemoData.DEMO_PASSWORD),
                "Fotograaf", Optional.empty(), Role.RESIDENT);
        var admin = server.signedIn("admin@photo.test", Role.ADMIN);
        long projectId = admin.post("/api/projects", project("Foto's", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
        var resident = new Client(server.baseUrl);
        resident.signIn(EMAIL, DemoData.DEMO_PASSWORD);
        proposalId = resident.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Bankje"))
                .expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static void language(Page page, String language) {
        page.locator("#language-" + language).click();
        page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
    }

    private static void openProposal(Page page) {
        page.navigate(server.baseUrl + "/#/proposals/" + proposalId);
        page.locator("h1").first().waitFor();
        page.locator("#proposal-photo-form").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    @Test
    void aResidentAddsPhotosWithAltTextOnAPhoneInDutchAndEnglish() throws Exception {
        Path camera = files.resolve("camera.jpg");
        Files.write(camera, TestImages.withExif(TestImages.jpeg(TestImages.photoLike(1200, 900, 3)), 6));
        Path drawing = files.resolve("drawing.svg");
        Files.write(drawing, TestImages.SVG);
        Page page = browser.page(390, 844);
        Browser.signIn(page, server.baseUrl, EMAIL);
        int added = 0;
        for (String language : List.of("nl", "en")) {
            openProposal(page);
            language(page, language);
            String required = language.equals("nl") ? "Kies een foto." : "Choose a photo.";

            page.locator("#proposal-photo-submit").click();
            page.locator("#proposal-photo-file-error").waitFor();
            assertEquals(required, page.locator("#proposal-photo-file-error").textContent());
            assertFalse(page.locator("#proposal-photo-alt-error").textContent().isBlank(), "the alt text is required");
            assertEquals("true", page.locator("#proposal-photo-alt").getAttribute("aria-invalid"));
            Browser.assertAccessible(page, "the photo form with its errors in " + language);

            // A file that is no photo: the server's refusal, in the page's language, beside the file field.
            page.locator("#proposal-photo-file").setInputFiles(drawing);
            page.locator("#proposal-photo-alt").fill("Een tekening");
            page.locator("#proposal-photo-submit").click();
            page.locator("#proposal-photo-file-error:not([hidden])").waitFor();
            assertEquals(language.equals("nl") ? "Dit bestand is geen JPEG-, PNG- of WebP-foto."
                    : "This file is not a JPEG, PNG or WebP photo.", page.locator("#proposal-photo-file-error").textContent());
            browser.errors.removeIf(e -> e.startsWith("HTTP 415") && e.contains("/photos"));

            page.locator("#proposal-photo-file").setInputFiles(camera);
            String alt = language.equals("nl") ? "Het bankje bij de vijver" : "The bench by the pond";
            page.locator("#proposal-photo-alt").fill(alt);
            page.locator("#proposal-photo-fieldset .photo-preview:not([hidden])").waitFor();
            assertEquals(alt, page.locator("#proposal-photo-fieldset .photo-preview").getAttribute("alt"), "the preview says what it shows");
            Browser.assertAccessible(page, "the photo form with a preview in " + language);
            page.locator("#proposal-photo-submit").click();
            added++;
            page.locator("#proposal-photos .photo img").nth(added - 1).waitFor();
            var thumbnail = page.locator("#proposal-photos .photo img").nth(added - 1);
            assertEquals(alt, thumbnail.getAttribute("alt"));
            assertTrue(thumbnail.getAttribute("src").matches("/photos/\\d+/thumb\\.jpg"), thumbnail.getAttribute("src"));
            assertTrue(page.locator("#proposal-photos .photo a").nth(added - 1).getAttribute("href")
                    .matches("/photos/\\d+/display\\.jpg"));
            // Turned upright by the server: the thumbnail of a 1200 × 900 photo taken sideways is upright.
            page.waitForCondition(() -> page.locator("#proposal-photos .photo img").nth(0)
                    .evaluate("img => img.complete && img.naturalWidth > 0").equals(true));
            assertEquals(240, ((Number) thumbnail.evaluate("img => img.naturalWidth")).intValue());
            assertEquals(320, ((Number) thumbnail.evaluate("img => img.naturalHeight")).intValue());
            assertTrue(page.locator("#proposal-photo-alt").inputValue().isEmpty(), "the form is cleared");
            Browser.assertAccessible(page, "the proposal with photos in " + language);
        }
        assertEquals(2, server.anonymous().get("/api/proposals/" + proposalId).json().get("properties").get("photos")
                .size());

        // A comment with a photo.
        page.locator("#comment-body").fill("Zo ziet het er nu uit");
        page.locator("#comment-photo-file").setInputFiles(camera);
        page.locator("#comment-photo-alt").fill("The path, muddy after rain");
        page.locator("#comment-submit").click();
        page.locator("#comment-list .photo img").first().waitFor();
        assertEquals("The path, muddy after rain", page.locator("#comment-list .photo img").first().getAttribute("alt"));
        Browser.assertAccessible(page, "a comment with a photo");
        String text = page.locator("main").innerText();
        assertFalse(text.contains("undefined") || text.contains("null"), text);
        // The SVG's refusals, which the browser reports twice (response and console), were meant.
        browser.errors.removeIf(e -> e.startsWith("console: Failed to load resource") && e.contains("415"));
        browser.assertNoErrors("adding photos");
    }
}
