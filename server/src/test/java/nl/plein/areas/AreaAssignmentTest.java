package nl.plein.areas;

import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.line;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.polygon;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every proposal, variant and pinned comment knows its neighbourhood, from the newest neighbourhood set. */
class AreaAssignmentTest {
    private static final Map<String, Object> WEST = point(5.502, 52.505);
    private static final Map<String, Object> EAST = point(5.508, 52.505);

    TestServer server;
    Jdbi jdbi;
    Client admin;
    Client anna;
    Client bram;
    long projectId;

    @BeforeEach
    void start() {
        server = TestServer.start();
        jdbi = Jdbis.create(server.dataSource);
        admin = server.signedIn("admin@test.example", Role.ADMIN);
        anna = server.signedIn("anna@test.example", Role.RESIDENT);
        bram = server.signedIn("bram@test.example", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("P", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        upload("Buurten", 2024, Buurten.westAndEast());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode upload(String name, int year, Object body) {
        return admin.post("/api/area-sets?name=" + name + "&year=" + year + "&dryRun=false", body).expect(201).json();
    }

    /** The code of the area a drawing lies in, in the newest neighbourhood set, or null. */
    private String areaOf(String table, long id) {
        return areaOf(table, id, null);
    }

    /** The code of the area a drawing lies in, in the given set (null: the newest neighbourhood set), or null. */
    private String areaOf(String table, long id, Long set) {
        String drawing = table.substring(0, table.length() - 1);
        return jdbi.withHandle(h -> h.createQuery("SELECT a.code FROM placements pl JOIN areas a ON a.id = pl.area_id"
                + " WHERE pl.drawing = :drawing AND pl.drawing_id = :id AND pl.area_set_id = coalesce(:set::bigint,"
                + " (SELECT max(id) FROM area_sets WHERE kind = 'neighbourhood'))")
                .bind("drawing", drawing).bind("id", id).bind("set", set).mapTo(String.class).findOne().orElse(null));
    }

    private long propose(Object geometry) {
        return anna.post("/api/projects/" + projectId + "/proposals", proposal(geometry, "Bankje")).expect(201)
                .json().get("id").asLong();
    }

    @Test
    void aProposalKnowsItsBuurtWhenWrittenAndWhenMoved() {
        long id = propose(WEST);
        assertEquals("BU0001", areaOf("proposals", id));
        anna.patch("/api/proposals/" + id, feature(EAST, Map.of())).expect(200);
        assertEquals("BU0002", areaOf("proposals", id));
        anna.patch("/api/proposals/" + id, feature(null, Map.of("title", "Twee bankjes"))).expect(200);
        assertEquals("BU0002", areaOf("proposals", id));

        // A line counts where it lies: this one runs wholly through the east buurt.
        assertEquals("BU0002", areaOf("proposals", propose(line(5.506, 52.501, 5.509, 52.509))));
    }

    @Test
    void aVariantAndAPinnedCommentKnowTheirBuurtAndAnUnpinnedCommentHasNone() {
        long original = propose(WEST);
        long variant = bram.post("/api/proposals/" + original + "/variants",
                feature(polygon(5.506, 52.502, 5.507, 52.502, 5.507, 52.503, 5.506, 52.502), Map.of("title", "Oost")))
                .expect(201).json().get("id").asLong();
        assertEquals("BU0002", areaOf("variants", variant));
        bram.patch("/api/variants/" + variant, feature(WEST, Map.of())).expect(200);
        assertEquals("BU0001", areaOf("variants", variant));

        long pinned = bram.post("/api/proposals/" + original + "/comments", feature(EAST, Map.of("body", "Hier?")))
                .expect(201).json().get("id").asLong();
        assertEquals("BU0002", areaOf("comments", pinned));
        long plain = bram.post("/api/proposals/" + original + "/comments", feature(null, Map.of("body", "Goed")))
                .expect(201).json().get("id").asLong();
        assertNull(areaOf("comments", plain));
        bram.patch("/api/comments/" + pinned, feature(WEST, Map.of())).expect(200);
        assertEquals("BU0001", areaOf("comments", pinned));
    }

    @Test
    void aNewSetPlacesEveryDrawingAgainAndAnOlderOneCanBeAssignedBack() {
        long west = propose(WEST);
        long east = propose(EAST);
        long variant = bram.post("/api/proposals/" + west + "/variants", feature(EAST, Map.of("title", "Oost")))
                .expect(201).json().get("id").asLong();
        long pinned = bram.post("/api/proposals/" + west + "/comments", feature(WEST, Map.of("body", "Hier")))
                .expect(201).json().get("id").asLong();
        long plain = bram.post("/api/proposals/" + west + "/comments", feature(null, Map.of("body", "Ja")))
                .expect(201).json().get("id").asLong();
        long first = admin.get("/api/area-sets").expect(200).json().get("sets").get(0).get("id").asLong();

        JsonNode merged = upload("Buurten", 2025, Buurten.merged());
        assertEquals(2, merged.get("assigned").get("proposals").get("inSet").asLong());
        assertEquals(1, merged.get("assigned").get("variants").get("inSet").asLong());
        assertEquals(1, merged.get("assigned").get("comments").get("inSet").asLong());
        for (var row : List.of(List.of("proposals", west), List.of("proposals", east), List.of("variants", variant),
                List.of("comments", pinned))) {
            assertEquals("BU0003", areaOf((String) row.get(0), (Long) row.get(1)), row.toString());
        }
        assertNull(areaOf("comments", plain));

        // The older set keeps its placements: participation can still be read by it.
        assertEquals("BU0001", areaOf("proposals", west, first));
        assertEquals("BU0002", areaOf("proposals", east, first));

        // Placing a set again puts back what is missing and leaves what is right alone.
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM placements WHERE area_set_id = :set AND drawing = 'proposal'")
                .bind("set", first).execute());
        assertNull(areaOf("proposals", west, first));
        JsonNode back = admin.post("/api/area-sets/" + first + "/assign", Map.of()).expect(200).json();
        assertEquals(2, back.get("assigned").get("proposals").get("changed").asInt());
        assertEquals(0, back.get("assigned").get("variants").get("changed").asInt());
        assertEquals("BU0001", areaOf("proposals", west, first));
        assertEquals("BU0002", areaOf("proposals", east, first));
        assertEquals("BU0002", areaOf("variants", variant, first));
        assertEquals("BU0001", areaOf("comments", pinned, first));
        assertEquals("BU0003", areaOf("proposals", west), "the newest set is untouched");
        JsonNode again = admin.post("/api/area-sets/" + first + "/assign", Map.of()).expect(200).json();
        assertEquals(0, again.get("assigned").get("proposals").get("changed").asInt(), "nothing left to change");

        // A wrong placement is put right; a placement of a drawing no area holds is removed.
        jdbi.useHandle(h -> {
            h.createUpdate("UPDATE placements SET area_id = (SELECT id FROM areas WHERE area_set_id = :set"
                    + " AND code = 'BU0002') WHERE drawing = 'proposal' AND drawing_id = :id AND area_set_id = :set")
                    .bind("set", first).bind("id", west).execute();
            h.createUpdate("INSERT INTO placements (drawing, drawing_id, area_set_id, area_id) SELECT 'comment', :id,"
                    + " :set, (SELECT id FROM areas WHERE area_set_id = :set AND code = 'BU0001')")
                    .bind("id", plain).bind("set", first).execute();
        });
        assertEquals("BU0002", areaOf("proposals", west, first));
        JsonNode fixed = admin.post("/api/area-sets/" + first + "/assign", Map.of()).expect(200).json();
        assertEquals(1, fixed.get("assigned").get("proposals").get("changed").asInt());
        assertEquals("BU0001", areaOf("proposals", west, first));
        assertEquals(1, fixed.get("assigned").get("comments").get("changed").asInt(), "the stray placement, removed");
        assertNull(areaOf("comments", plain, first));

        anna.post("/api/area-sets/" + first + "/assign", Map.of()).expect(403);
        admin.post("/api/area-sets/999999/assign", Map.of()).expect(404);
    }

    /**
     * A drawing moved while a whole set is being placed keeps the area its new shape lies in: the
     * set's placement, computed from the old shape, must not overwrite what the mover wrote. The mover
     * here is a transaction that moves a proposal from west to east and places it as the proposal
     * store does, and commits only once placing the set is waiting for it.
     */
    @Test
    void aDrawingMovedWhileASetIsPlacedKeepsItsNewArea() throws Exception {
        long id = propose(WEST);
        long set = admin.get("/api/area-sets").expect(200).json().get("sets").get(0).get("id").asLong();
        assertEquals("BU0001", areaOf("proposals", id, set));
        try (Handle mover = jdbi.open()) {
            mover.begin();
            mover.createUpdate("UPDATE proposals SET geom = ST_SetSRID(ST_MakePoint(5.508, 52.505), 4326),"
                    + " updated_at = now() WHERE id = :id").bind("id", id).execute();
            AreaAssignment.assign(mover, AreaAssignment.Drawing.PROPOSALS, id);
            var placing = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> admin.post("/api/area-sets/" + set + "/assign", Map.of()).expect(200).json());
            waitUntilPlacingWaitsForALock();
            mover.commit();
            JsonNode placed = placing.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(0, placed.get("assigned").get("proposals").get("changed").asInt(), placed::toString);
        }
        assertEquals("BU0002", areaOf("proposals", id, set), "the mover's placement stands");
        // Placed again now, the set agrees: nothing to change.
        assertEquals(0, admin.post("/api/area-sets/" + set + "/assign", Map.of()).expect(200).json()
                .get("assigned").get("proposals").get("changed").asInt());
        assertEquals("BU0002", areaOf("proposals", id, set));
    }

    /** Until another session of the server waits for a lock (the mover's transaction), at most 30 s. */
    private void waitUntilPlacingWaitsForALock() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long waiting = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'")
                    .mapTo(Long.class).one());
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("placing the set never waited for the moving transaction");
    }
}
