package nl.plein.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.regex.Pattern;
import nl.plein.http.Json;
import nl.plein.projects.Language;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The printable report over real HTTP on a real PostGIS, on the named fixture "Marktplein": its
 * headings in Dutch and English, small counts shown as "&lt;5" and never as the raw count, nothing
 * hidden, withdrawn or unpublished, hostile titles escaped in the HTML and in the SVG maps, and the
 * refusals (an unknown project, an unknown language) as problem documents.
 */
class ReportTest {
    static TestServer server;
    static ReportFixture fixture;
    static Client anyone;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixture = ReportFixture.create(server);
        anyone = server.anonymous();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String report(String query) {
        var response = anyone.get("/reports/projects/" + fixture.projectId + query).expect(200);
        assertTrue(response.header("Content-Type").startsWith("text/html"), response.header("Content-Type"));
        return response.body();
    }

    @Test
    void theReportHasItsHeadingsInDutchAndEnglish() {
        String nl = report("?lang=nl");
        assertTrue(nl.startsWith("<!doctype html>\n<html lang=\"nl\">"));
        for (String heading : new String[] {"Rapport: Marktplein", "Het proces", "Deelname", "Kaarten",
                "Meest gesteunde voorstellen", "Besluiten", "Werkwijze"}) {
            assertTrue(nl.contains(">" + heading + "</h"), heading);
        }
        String en = report("?lang=en");
        assertTrue(en.startsWith("<!doctype html>\n<html lang=\"en\">"));
        for (String heading : new String[] {"Report: Marktplein", "The process", "Participation", "Maps",
                "Most supported proposals", "Decisions", "Method"}) {
            assertTrue(en.contains(">" + heading + "</h"), heading);
        }
        // The process: four stages, the current one marked, planned dates written out.
        assertTrue(en.contains("<tr class=\"current\"><th scope=\"row\">Decide</th><td>6 April 2026</td>"), en);
        assertTrue(nl.contains("<th scope=\"row\">Leren</th><td>niet gepland</td>"));
        // The decisions with their reasons, the maps, the top proposal.
        assertTrue(en.contains(ReportFixture.ACCEPTED_REASON) && en.contains(ReportFixture.CONSIDERED_REASON));
        assertTrue(en.contains("Under consideration → Accepted"));
        assertEquals(3, count(en, "<svg "), "participation, clusters and proposals");
        assertTrue(en.contains("<th scope=\"row\">" + ReportFixture.CLUSTER_TITLE + " 0</th><td>Published</td>"
                + "<td class=\"number\">21</td>"), "the most supported first");
        assertTrue(en.contains("<link rel=\"stylesheet\" href=\"/reports/report.css\">"));
        anyone.get("/reports/report.css").expect(200);
    }

    @Test
    void theLanguageComesFromTheBrowserUnlessAsked() {
        var english = anyone.send(HttpRequest.newBuilder(anyone.uri("/reports/projects/" + fixture.projectId))
                .header("Accept-Language", "de-DE, en-GB;q=0.8, nl;q=0.5").GET()).expect(200);
        assertTrue(english.body().contains("<html lang=\"en\">"));
        assertEquals("en", english.header("Content-Language"));
        var fallback = anyone.send(HttpRequest.newBuilder(anyone.uri("/reports/projects/" + fixture.projectId))
                .header("Accept-Language", "fr").GET()).expect(200);
        assertTrue(fallback.body().contains("<html lang=\"nl\">"), "the server's default");
        assertTrue(report("").contains("<html lang=\"nl\">"));
    }

    @Test
    void smallCountsShowAsLessThanFiveAndNeverTheRawCount() {
        String en = report("?lang=en");
        // Noordoost: 3 residents took part; Zuidwest's 6 are hidden too, as total minus the rest would give 3.
        assertTrue(en.contains("<th scope=\"row\">Noordoost</th><td class=\"number\">2,000</td>"
                + "<td class=\"number\">&lt;5</td><td class=\"number\">–</td>"), en);
        assertTrue(en.contains("<th scope=\"row\">Zuidwest</th><td class=\"number\">1,500</td>"
                + "<td class=\"number\">x</td><td class=\"number\">–</td>"));
        assertTrue(en.contains("<th scope=\"row\">Noordwest</th><td class=\"number\">1,000</td>"
                + "<td class=\"number\">10</td><td class=\"number\">10</td>"), "12 rounded to 10, 10 per 1,000");
        assertTrue(en.contains("<dt>Participants, all areas</dt><dd>20</dd>"), "21 rounded");
        // (Supports per proposal are shown exactly, as every proposal page shows them.)
        String participation = en.substring(en.indexOf("id=\"participation-heading\""), en.indexOf("id=\"top-heading\""));
        for (String raw : new String[] {">3<", ">6<", ">12<", ">21<", ">22<"}) {
            int at = participation.indexOf(raw);
            assertEquals(-1, at, () -> "a raw count of people: " + participation.substring(Math.max(0, at - 300), at + 20));
        }
        assertTrue(report("?lang=nl").contains("<dt>Deelnemers per 1.000 inwoners</dt><dd>3,8</dd>"),
                "20 / 5,300 × 1,000 from the rounded count, Dutch decimals: " + report("?lang=nl"));
    }

    @Test
    void hiddenWithdrawnAndUnpublishedContentNeverAppears() {
        for (Language language : Language.values()) {
            String page = report("?lang=" + language.name().toLowerCase(java.util.Locale.ROOT));
            assertFalse(page.contains(ReportFixture.HIDDEN_PROPOSAL));
            assertFalse(page.contains(ReportFixture.HIDDEN_REASON), "a decision on a hidden proposal");
            assertFalse(page.contains(ReportFixture.WITHDRAWN_PROPOSAL));
            assertFalse(page.contains(ReportFixture.HIDDEN_COMMENT));
            assertFalse(page.contains("Mooi plan"), "no comment text at all");
        }
    }

    @Test
    void hostileTitlesAreEscapedInTheHtmlAndTheMaps() {
        String en = report("?lang=en");
        assertFalse(en.contains("<script"), "no script element anywhere");
        assertTrue(en.contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&lt;&gt;&#39; Bankje</th>"));
        assertTrue(en.contains("Een nieuw plein voor de markt &amp; de buurt"));
        // A project title with markup, in the page title, the heading and each map's SVG title.
        var admin = server.signedIn("admin2@report.test", nl.plein.accounts.Role.ADMIN);
        admin.patch("/api/projects/" + fixture.projectId, java.util.Map.of("type", "Feature",
                "properties", java.util.Map.of("title", "Plein <b>\"&'</b>"))).expect(200);
        try {
            String page = report("?lang=en");
            assertFalse(page.contains("<b>"));
            String escaped = "Plein &lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;";
            assertTrue(page.contains("<title>Report: " + escaped + " – Plein</title>"));
            assertEquals(3, count(page, "<title id=\"map-[a-z]+-title\">[^<]+ – " + Pattern.quote(escaped) + "</title>"));
        } finally {
            admin.patch("/api/projects/" + fixture.projectId, java.util.Map.of("type", "Feature",
                    "properties", java.util.Map.of("title", ReportFixture.TITLE))).expect(200);
        }
    }

    @Test
    void anUnknownProjectIsANotFoundProblemAndAnUnknownLanguageIsRefused() {
        var missing = anyone.get("/reports/projects/999999").expect(404);
        assertEquals("application/problem+json", missing.header("Content-Type").split(";")[0]);
        assertEquals(404, Json.parse(missing.body().getBytes()).get("status").asInt());
        anyone.get("/reports/projects/abc").expect(404);
        var badLanguage = anyone.get("/reports/projects/" + fixture.projectId + "?lang=de").expect(400);
        assertEquals("lang", Json.parse(badLanguage.body().getBytes()).get("errors").get(0).get("field").asText());
        anyone.get("/reports/projects/" + fixture.projectId + "?language=en").expect(400);
    }

    @Test
    void aProjectWithNothingInItYetHasAReportToo() {
        var admin = server.signedIn("admin3@report.test", nl.plein.accounts.Role.ADMIN);
        long empty = admin.post("/api/projects", nl.plein.support.Fixtures.project("Leeg plein",
                java.util.List.of("point"), false)).expect(201).json().get("id").asLong();
        String en = anyone.get("/reports/projects/" + empty + "?lang=en").expect(200).body();
        assertTrue(en.contains("There are no public proposals yet."));
        assertTrue(en.contains("No decisions have been taken yet."));
        assertTrue(en.contains("<dt>Participants, all areas</dt><dd>0</dd>"));
        assertTrue(en.contains("<dt>Gini coefficient (0 = equal across areas)</dt><dd>–</dd>"));
        assertEquals(3, count(en, "<svg "));
    }

    @Test
    void theReportDataSurvivesJsonUnchanged() throws Exception {
        var builder = ReportFixture.builder(server.dataSource);
        ReportData data = builder.build(fixture.projectId);
        String json = Json.MAPPER.writeValueAsString(data);
        ReportData back = Json.MAPPER.readValue(json, ReportData.class);
        assertEquals(data, back);
        var page = new ReportPage(ReportFixture.ZONE);
        assertEquals(page.render(data, Language.EN), page.render(back, Language.EN));
        String extra = "<section aria-labelledby=\"extra\"><h2 id=\"extra\">Meeting</h2></section>";
        String withExtra = page.render(back, Language.NL, new ReportPage.Extra("Verslag <van> de bijeenkomst", extra));
        assertTrue(withExtra.contains("</header>" + extra + "<section aria-labelledby=\"process-heading\">"), withExtra);
        assertTrue(withExtra.contains("<h1>Verslag &lt;van&gt; de bijeenkomst</h1>"));
        assertTrue(withExtra.contains("<title>Verslag &lt;van&gt; de bijeenkomst – Plein</title>"));
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }
}
