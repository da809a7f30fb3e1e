package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Passwords;
import nl.plein.areas.AreaAssignment;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.Browser;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page of the map client (every route of main.js), as anyone, a resident, a planner and an
 * admin, over the demo content plus a presentation whose meeting a planner chairs, and the budget
 * vote pages (an open vote's ballot, a counted vote's results, a planner's set-up and management,
 * also on a phone in both languages) and the works pages (the realisation map and each work's
 * page): no page shows a missing value as the words "null", "undefined", "NaN" or
 * "[object Object]", neither in its visible text nor in the names (aria-label, title, alt) that
 * screen readers and tooltips read.
 */
class NoMissingValuesShownTest {
    /** Reads the page's visible text and accessible names and returns those that show a missing value. */
    private static final String FIND_MISSING = """
            () => {
              const bad = /\\b(null|undefined|NaN)\\b|\\[object Object\\]/;
              const found = [];
              const text = document.body.innerText;
              for (const line of text.split('\\n')) if (bad.test(line)) found.push('text: ' + line.trim());
              for (const element of document.querySelectorAll('[aria-label], [title], [alt], [placeholder], [aria-description]')) {
                for (const name of ['aria-label', 'title', 'alt', 'placeholder', 'aria-description']) {
                  const value = element.getAttribute(name);
                  if (value && bad.test(value)) found.push(name + ' of <' + element.tagName.toLowerCase() + '>: ' + value);
                }
              }
              if (bad.test(document.title)) found.push('document title: ' + document.title);
              return found;
            }""";

    static TestServer server;
    static Browser browser;
    static long projectId;
    static long presentationId;
    static long meetingId;
    static String meetingCode;
    static VoteWalk votes;
    static WorksWalk works;
    static final List<Long> proposals = new ArrayList<>();
    static final List<Long> projects = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        DemoData.loadIfEmpty(server.dataSource, Passwords::hash, AreaAssignment::assignAll);
        browser = new Browser();
        for (JsonNode project : server.anonymous().get("/api/projects").json().get("features")) {
            projects.add(project.get("id").asLong());
        }
        Client planner = new Client(server.baseUrl);
        planner.signIn("planner@demo.plein.test", DemoData.DEMO_PASSWORD);
        // The project with the most proposals, for the presentation and the meeting.
        long most = -1;
        for (long id : projects) {
            long count = planner.get("/api/projects/" + id).expect(200).json().get("properties").get("proposalCount").asLong();
            if (count > most) {
                most = count;
                projectId = id;
            }
        }
        // Proposals with variants, comments, decisions and none of them.
        var features = server.anonymous().get("/api/proposals?project=" + projectId + "&limit=200").json().get("features");
        boolean variant = false;
        for (JsonNode feature : features) {
            long id = feature.get("id").asLong();
            if (!variant && server.anonymous().get("/api/proposals/" + id + "/variants").json().get("features").size() > 0) {
                proposals.add(id);
                variant = true;
            }
        }
        proposals.add(features.get(0).get("id").asLong());
        proposals.add(features.get(features.size() - 1).get("id").asLong());
        assertTrue(variant, "the demo has a proposal with a variant");

        JsonNode area = planner.get("/api/projects/" + projectId).json().get("geometry");
        double[] box = {180, 90, -180, -90};
        extent(area.get("coordinates"), box);
        presentationId = planner.post("/api/projects/" + projectId + "/presentations", Map.of("title", "Raadsavond"))
                .expect(201).json().get("id").asLong();
        var layers = new LinkedHashMap<String, Object>();
        layers.put("Voorstellen", Map.of("proposals", Map.of()));
        layers.put("Clusters", Map.of("clusters", Map.of()));
        layers.put("Hotspots", Map.of("hotspots", Map.of()));
        long set = server.anonymous().get("/api/area-sets").expect(200).json().get("sets").get(0).get("id").asLong();
        layers.put("Deelname", Map.of("participation", Map.of("set", set)));
        for (var slide : layers.entrySet()) {
            planner.post("/api/presentations/" + presentationId + "/slides", Map.of("title", slide.getKey(), "text", "",
                    "view", Map.of("bbox", List.of(box[0], box[1], box[2], box[3]), "layers", slide.getValue()))).expect(201);
        }
        // A planner (not an admin) chairs the meeting, with a choice question and a pin question.
        JsonNode meeting = planner.post("/api/projects/" + projectId + "/meetings", Map.of("presentationId", presentationId))
                .expect(201).json();
        meetingId = meeting.get("id").asLong();
        meetingCode = meeting.get("code").asText();
        planner.post("/api/meetings/" + meetingId + "/questions", Map.of("kind", "choice", "prompt", "Meer groen?",
                "options", List.of("Ja", "Nee"))).expect(201);
        votes = new VoteWalk(server);
        works = new WorksWalk(server);
    }

    private static void extent(JsonNode coordinates, double[] box) {
        if (coordinates.get(0).isNumber()) {
            box[0] = Math.min(box[0], coordinates.get(0).asDouble());
            box[1] = Math.min(box[1], coordinates.get(1).asDouble());
            box[2] = Math.max(box[2], coordinates.get(0).asDouble());
            box[3] = Math.max(box[3], coordinates.get(1).asDouble());
            return;
        }
        for (JsonNode inner : coordinates) {
            extent(inner, box);
        }
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static List<String> pages(boolean staff) {
        var hashes = new ArrayList<String>(List.of("/", "/signin", "/signup", "/account", "/nowhere",
                "/projects/" + projectId + "/new", "/projects/" + projectId + "/presentations",
                "/presentations/" + presentationId + "/show", "/presentations/" + presentationId + "/show/3",
                "/join/" + meetingCode, "/meetings/" + meetingId + "/screen",
                "/votes/" + votes.openVote, "/votes/" + votes.countedVote + "/results"));
        for (long project : projects) {
            hashes.add("/projects/" + project);
            hashes.add("/projects/" + project + "/learning");
        }
        hashes.addAll(works.hashes());
        for (long proposal : proposals) {
            hashes.add("/proposals/" + proposal);
            hashes.add("/proposals/" + proposal + "/variant");
        }
        if (staff) {
            hashes.addAll(List.of("/projects/" + projectId + "/participation", "/projects/" + projectId + "/analysis",
                    "/presentations/" + presentationId + "/edit"));
            votes.plannerStates().forEach(state -> hashes.add(state.hash()));
        }
        return hashes;
    }

    /** Opens a page and waits until it has drawn what it fetches (a live panel: its first state). */
    private static void open(Page page, String hash) {
        page.navigate(server.baseUrl + "/#" + hash);
        page.locator("h1").first().waitFor();
        if (hash.contains("/show") || hash.contains("/screen")) {
            // A live panel keeps its event stream open, so the network never idles: wait for its state.
            page.locator("#live-attendees:not(:empty)").waitFor();
            page.locator("#live-question h3").waitFor();
        } else {
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
    }

    private static Map<String, List<String>> walk(Page page, boolean staff) {
        var found = new LinkedHashMap<String, List<String>>();
        for (String hash : pages(staff)) {
            open(page, hash);
            @SuppressWarnings("unchecked")
            List<String> missing = (List<String>) page.evaluate(FIND_MISSING);
            if (!missing.isEmpty()) {
                found.put(hash, missing);
            }
        }
        return found;
    }

    @Test
    void noPageShowsAMissingValueToAnyone() {
        Page page = browser.desktop();
        assertEquals(Map.of(), walk(page, false), "pages that show a missing value to anyone");
    }

    @Test
    void noPageShowsAMissingValueToAResident() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "anna.devries@demo.plein.test");
        assertEquals(Map.of(), walk(page, false), "pages that show a missing value to a resident");
    }

    @Test
    void noPageShowsAMissingValueToAPlannerChairingAMeeting() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "planner@demo.plein.test");
        var found = walk(page, true);
        // The chair's controls, opened, and the composer's preview of each slide.
        open(page, "/presentations/" + presentationId + "/show");
        page.locator("#live-controls summary").click();
        addIfMissing(found, "/presentations/" + presentationId + "/show with the controls open", page);
        open(page, "/presentations/" + presentationId + "/edit");
        Locator previews = page.locator("#slide-list .preview");
        for (int i = 0; i < previews.count(); i++) {
            previews.nth(i).click();
            page.locator("#slide-preview .slide-frame[data-state=\"ready\"]").waitFor();
            page.waitForLoadState(LoadState.NETWORKIDLE);
            addIfMissing(found, "composer preview of slide " + (i + 1), page);
        }
        assertEquals(Map.of(), found, "pages that show a missing value to a planner");
    }

    @Test
    void noPageShowsAMissingValueToAnAdmin() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "admin@demo.plein.test");
        var found = walk(page, true);
        open(page, "/presentations/" + presentationId + "/show");
        page.locator("#live-controls summary").click();
        page.locator("#live-answers summary").click();
        addIfMissing(found, "/presentations/" + presentationId + "/show with the controls open", page);
        assertEquals(Map.of(), found, "pages that show a missing value to an admin");
    }

    @Test
    void noVotePageShowsAMissingValueOnAPhoneInEitherLanguage() {
        var found = new LinkedHashMap<String, List<String>>();
        Page resident = browser.phone();
        Browser.signIn(resident, server.baseUrl, votes.voter);
        Page planner = browser.phone();
        Browser.signIn(planner, server.baseUrl, "planner@demo.plein.test");
        for (String language : List.of("en", "nl")) {
            for (var walker : Map.of(resident, votes.residentStates(), planner, votes.plannerStates()).entrySet()) {
                Page page = walker.getKey();
                page.locator("#language-" + language).click();
                page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
                for (var state : walker.getValue()) {
                    open(page, state.hash());
                    state.step().accept(page);
                    addIfMissing(found, state.name() + " in " + language, page);
                }
            }
        }
        assertEquals(Map.of(), found, "vote pages that show a missing value on a phone");
    }

    private static void addIfMissing(Map<String, List<String>> found, String where, Page page) {
        @SuppressWarnings("unchecked")
        List<String> missing = (List<String>) page.evaluate(FIND_MISSING);
        if (!missing.isEmpty()) {
            found.put(where, missing);
        }
    }
}
