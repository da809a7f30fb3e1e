package nl.plein.budgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import nl.plein.accounts.Passwords;
import nl.plein.areas.AreaAssignment;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo town, loaded as Main loads it, has an open budget vote with items on the map. */
class DemoVoteTest {
    static TestServer server;
    static Jdbi jdbi;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        jdbi = Jdbis.create(server.dataSource);
        assertTrue(DemoData.loadIfEmpty(server.dataSource, Passwords::hash, AreaAssignment::assignAll));
        DemoVote.seed(jdbi);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDemoTownHasAnOpenVoteWhoseItemsLieInThePotsOfTheirBuurten() {
        long projectId = jdbi.withHandle(h -> h.createQuery("SELECT project_id FROM votes").mapTo(Long.class).one());
        JsonNode votes = server.anonymous().get("/api/projects/" + projectId + "/votes").expect(200).json().get("votes");
        assertEquals(1, votes.size());
        JsonNode vote = votes.get(0);
        assertEquals("open", vote.get("status").asText());
        assertTrue(vote.get("pots").size() > 10, "a city-wide pot and one per buurt: " + vote.get("pots").size());
        assertTrue(vote.get("pots").get(0).get("areaId").isNull());
        JsonNode items = server.anonymous().get("/api/votes/" + vote.get("id").asLong() + "/items").expect(200).json()
                .get("features");
        assertEquals(8, items.size());
        assertEquals(8, vote.get("itemCount").asInt());
        int inBuurt = 0;
        for (JsonNode item : items) {
            assertFalse(item.get("geometry").isNull(), "on the map");
            JsonNode p = item.get("properties");
            long proposal = p.get("proposalIds").get(0).asLong();
            // Where the placing rule put the proposal in the vote's set, found here without the item's code.
            Long placed = jdbi.withHandle(h -> h.createQuery("SELECT pl.area_id FROM placements pl, votes v"
                    + " WHERE pl.drawing = 'proposal' AND pl.drawing_id = :p AND pl.area_set_id = v.area_set_id")
                    .bind("p", proposal).mapTo(Long.class).findOne().orElse(null));
            assertEquals(placed, p.get("areaId").isNull() ? null : p.get("areaId").asLong(), item.toString());
            inBuurt += placed == null ? 0 : 1;
        }
        assertTrue(inBuurt > 0, "some items in a buurt's pot");
        assertEquals(8, server.anonymous().get("/api/votes/" + vote.get("id").asLong() + "/reviews").expect(200).json()
                .get("reviews").size());
    }
}
