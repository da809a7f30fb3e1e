package nl.plein.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two rounds of one series ({@link LearningFixture}) through real HTTP on a real PostGIS. */
class LearningApiTest {
    static TestServer server;
    static LearningFixture f;
    static long seriesId;

    @BeforeAll
    static void start() throws SQLException {
        server = TestServer.start();
        f = new LearningFixture(server);
        seriesId = f.seriesId;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode report() {
        return server.anonymous().get("/api/projects/" + f.round2026 + "/learning").expect(200).json();
    }

    /** The row of an area (its name) or a work (its title). */
    private static JsonNode byName(JsonNode rows, String name) {
        for (JsonNode a : rows) {
            if ((a.has("name") ? a.get("name") : a.get("title")).asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no row " + name + " in " + rows);
    }

    @Test
    void aSeriesListsItsRoundsInOrderAndRefusesASecondRoundAtOnePosition() {
        var series = server.anonymous().get("/api/series/" + seriesId).expect(200).json();
        assertEquals("Park de Heuvel", series.get("name").asText());
        assertEquals(2, series.get("rounds").size());
        assertEquals(f.round2024, series.get("rounds").get(0).get("projectId").asLong());
        assertEquals("2026", series.get("rounds").get(1).get("label").asText());
        var clash = f.planner.put("/api/projects/" + f.round2026 + "/series",
                Map.of("seriesId", seriesId, "label", "2026", "position", 2024)).expect(409).json();
        assertEquals("position", clash.get("errors").get(0).get("field").asText(), clash.toString());
        var unknown = f.planner.put("/api/projects/" + f.round2026 + "/series",
                Map.of("seriesId", 999_999, "label", "x", "position", 1)).expect(400).json();
        assertEquals("seriesId", unknown.get("errors").get(0).get("field").asText(), unknown.toString());
        server.signedIn("someone@test.example", Role.RESIDENT).post("/api/series", Map.of("name", "Mine")).expect(403);
        assertEquals(2026, server.anonymous().get("/api/series/" + seriesId).json().get("rounds").get(1)
                .get("position").asInt(), "a refused change leaves the series as it was");
    }

    @Test
    void everyoneListsEverySeriesNewestFirstWithItsRounds() {
        long empty = f.planner.post("/api/series", Map.of("name", "Plein Zuid")).expect(201).json().get("id").asLong();
        var list = server.anonymous().get("/api/series").expect(200).json().get("series");
        assertEquals(empty, list.get(0).get("id").asLong(), list.toString());
        assertEquals(0, list.get(0).get("rounds").size());
        JsonNode heuvel = null;
        for (JsonNode s : list) {
            if (s.get("id").asLong() == seriesId) {
                heuvel = s;
            }
        }
        assertEquals("Park de Heuvel", heuvel.get("name").asText(), list.toString());
        assertEquals(List.of(f.round2024, f.round2026), List.of(heuvel.get("rounds").get(0).get("projectId").asLong(),
                heuvel.get("rounds").get(1).get("projectId").asLong()));
        server.anonymous().get("/api/series?page=2").expect(400);
    }

    @Test
    void plannersWriteAndEditLessonsAndEveryoneReadsThem() {
        long id = f.planner.post("/api/projects/" + f.round2024 + "/lessons", Map.of("text", "Too few evenings"))
                .expect(201).json().get("id").asLong();
        f.planner.patch("/api/lessons/" + id, Map.of("text", "Too few evening sessions")).expect(200);
        var empty = f.planner.post("/api/projects/" + f.round2024 + "/lessons", Map.of("text", " ")).expect(400).json();
        assertEquals("text", empty.get("errors").get(0).get("field").asText());
        server.signedIn("resident@test.example", Role.RESIDENT)
                .post("/api/projects/" + f.round2024 + "/lessons", Map.of("text", "Mine")).expect(403);
        var lessons = server.anonymous().get("/api/projects/" + f.round2024 + "/lessons").expect(200).json()
                .get("lessons");
        assertEquals(1, lessons.size());
        assertEquals("Too few evening sessions", lessons.get(0).get("text").asText());
        f.planner.delete("/api/lessons/" + id).expect(204);
        f.planner.delete("/api/lessons/" + id).expect(404);
    }

    @Test
    void anAreaMissingInTheFirstRoundTookPartInTheSecond() {
        var comparison = report().get("comparison");
        assertEquals("2024", comparison.get("rounds").get(0).get("label").asText());
        var zuid = byName(comparison.get("areas"), "Zuid");
        assertTrue(zuid.get("earlier").get(0).get("missing").asBoolean(), zuid.toString());
        assertEquals("0", zuid.get("earlier").get(0).get("participants").asText());
        assertEquals("within", zuid.get("now").get("representation").asText());
        assertEquals("tookPart", zuid.get("outcome").asText());
        assertEquals("neverMissing", byName(comparison.get("areas"), "Noord").get("outcome").asText());
        assertTrue(server.anonymous().get("/api/projects/" + f.round2024 + "/learning").json().get("comparison")
                .isNull(), "the first round has nothing before it");
    }

    @Test
    void smallCountsAreHiddenInThePublicReport() {
        var body = report();
        var participation = body.get("participation");
        assertEquals("<5", byName(participation.get("areas"), "Oost").get("participants").asText());
        assertTrue(byName(participation.get("areas"), "Oost").get("ratePer1000").isNull());
        assertEquals("x", byName(participation.get("areas"), "Noord").get("participants").asText(),
                "Oost's 3 could be worked out from the total and the other areas");
        assertEquals("15", participation.get("participants").asText());
        assertEquals("<5", byName(body.get("comparison").get("areas"), "Oost").get("now").get("participants").asText());
        var works = body.get("realisation").get("works");
        assertEquals("5", byName(works, "Bankjes").get("evaluations").asText(), "six evaluations, rounded to 5");
        assertEquals("<5", byName(works, "Bomen").get("evaluations").asText());
        assertTrue(byName(works, "Bomen").get("meanRating").isNull(), "no mean of two ratings");
        assertEquals(4.0, byName(works, "Bankjes").get("meanRating").asDouble(), 1e-9);
        String text = body.toString();
        assertFalse(text.contains("\"3\""), "no raw small count anywhere: " + text);
    }

    @Test
    void moneyPerResidentIsTheBudgetOfTheWorksInAnAreaOverItsPopulation() {
        var money = report().get("money");
        assertEquals(LearningFixture.NOORD_PER_RESIDENT, byName(money.get("areas"), "Noord").get("eurosPerResident")
                .asDouble(), 1e-9);
        assertEquals(2, byName(money.get("areas"), "Noord").get("works").asLong());
        assertEquals(LearningFixture.ZUID_PER_RESIDENT, byName(money.get("areas"), "Zuid").get("eurosPerResident")
                .asDouble(), 1e-9);
        assertEquals(LearningFixture.OOST_PER_RESIDENT, byName(money.get("areas"), "Oost").get("eurosPerResident")
                .asDouble(), 1e-9, "the funded item that is no work yet; the cancelled work counts nowhere");
        assertEquals(1, byName(money.get("areas"), "Oost").get("items").asLong());
        assertEquals(65_000, money.get("euros").asLong());
        assertEquals(0, money.get("eurosInNoArea").asLong());
    }

    @Test
    void turnoutPerAreaComesFromTheCountedVoteUnderTheSmallCountRule() {
        var votes = report().get("turnout").get("votes");
        assertEquals(1, votes.size());
        var vote = votes.get(0);
        assertEquals("Buurtbudget 2026", vote.get("title").asText());
        assertEquals("15", vote.get("voters").asText());
        assertEquals("5", byName(vote.get("areas"), "Noord").get("voters").asText(), "7 rounded to 5");
        assertEquals("<5", byName(vote.get("areas"), "Oost").get("voters").asText());
        assertEquals("x", byName(vote.get("areas"), "Zuid").get("voters").asText(),
                "Oost's 2 could be worked out from the total and the other areas");
        assertTrue(byName(vote.get("areas"), "Oost").get("ratio").isNull());
    }

    @Test
    void realisationCountsWorksOnTimeDelayedAndOverBudget() {
        var totals = report().get("realisation").get("totals");
        assertEquals(4, totals.get("works").asLong());
        assertEquals(1, totals.get("onTime").asLong());
        assertEquals(1, totals.get("delayed").asLong());
        assertEquals(1, totals.get("running").asLong());
        assertEquals(1, totals.get("cancelled").asLong());
        assertEquals(1, totals.get("overBudget").asLong());
        assertEquals(3, totals.get("withinBudget").asLong());
    }

    @Test
    void thePrintableReportSaysWhatChangedInBothLanguagesWithoutMissingValues() {
        var nl = server.anonymous().get("/reports/projects/" + f.round2026 + "/learning?lang=nl").expect(200);
        assertTrue(nl.header("Content-Type").startsWith("text/html"));
        assertTrue(nl.body().contains("ontbrak eerder, deed nu mee"), nl.body());
        assertTrue(nl.body().contains("€ 42"), "Noord's euros per resident");
        assertTrue(nl.body().contains("Go to Zuid&#39;s school gates"), "the lesson, escaped");
        assertTrue(nl.body().contains("<svg"), "the maps");
        var en = server.anonymous().get("/reports/projects/" + f.round2024 + "/learning?lang=en").expect(200).body();
        assertTrue(en.contains("No works yet."), en);
        assertTrue(en.contains("No budget vote of this round has closed yet."));
        for (String page : new String[] {nl.body(), en}) {
            assertFalse(page.contains("null") || page.contains("undefined") || page.contains("NaN"), page);
        }
        server.anonymous().get("/reports/projects/999999/learning").expect(404);
    }
}
