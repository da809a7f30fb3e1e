package nl.plein.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import nl.plein.accounts.Passwords;
import nl.plein.areas.AreaAssignment;
import nl.plein.budgets.DemoVote;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo town, loaded as Main loads it, has works on its realisation map: done, late, planned. */
class DemoWorksTest {
    static TestServer server;
    static Jdbi jdbi;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        jdbi = Jdbis.create(server.dataSource);
        assertTrue(DemoData.loadIfEmpty(server.dataSource, Passwords::hash, AreaAssignment::assignAll));
        DemoVote.seed(jdbi);
        DemoWorks.seed(jdbi, server.config.timeZone());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDemoTownHasADoneADelayedAndAPlannedWorkOfItsProposalsOnTheMap() {
        long projectId = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT project_id FROM works").mapTo(Long.class)
                .one());
        JsonNode works = server.anonymous().get("/api/projects/" + projectId + "/works").expect(200).json().get("works");
        assertEquals(3, works.size());
        var byStatus = new HashMap<String, JsonNode>();
        for (JsonNode work : works) {
            byStatus.put(work.get("status").asText(), work);
            assertFalse(work.get("proposedGeometry").isNull(), "on the map: " + work);
            String status = server.anonymous().get("/api/proposals/" + work.get("proposalId").asLong()).expect(200)
                    .json().get("properties").get("status").asText();
            assertEquals(work.get("status").asText().equals("done") ? "realised" : "accepted", status,
                    "a finished work's proposal is realised, the others stay accepted");
        }
        assertTrue(byStatus.get("done").get("onTime").asBoolean());
        assertTrue(byStatus.get("construction").get("delayed").asBoolean());
        assertTrue(byStatus.get("construction").get("overBudget").asBoolean());
        assertFalse(byStatus.get("planned").get("delayed").asBoolean());
        JsonNode done = server.anonymous().get("/api/works/" + byStatus.get("done").get("id").asLong()).expect(200)
                .json();
        assertEquals(4, done.get("steps").size());
        JsonNode figures = server.anonymous().get("/api/projects/" + projectId + "/works/figures").expect(200).json();
        assertEquals(1, figures.get("delayed").asLong());
        assertEquals(1, figures.get("onTime").asLong());
        assertEquals(90_500, figures.get("budget").asLong());
    }
}
