package nl.plein.supports;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import nl.plein.support.Together;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConcurrentSupportTest {
    static TestServer server;
    static long proposalId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        long projectId = admin.post("/api/projects", project("P", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
        proposalId = admin.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Bench"))
                .expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int count() {
        return server.anonymous().get("/api/proposals/" + proposalId).json().get("properties").get("supportCount").asInt();
    }

    @Test
    void concurrentSupportsAreCountedExactlyOncePerPerson() throws Exception {
        var residents = new ArrayList<Client>();
        for (int i = 0; i < 16; i++) {
            residents.add(server.signedIn("r" + i + "@test.example", Role.RESIDENT));
        }
        int before = count();
        var tasks = new ArrayList<Callable<Integer>>();
        for (Client r : residents) {
            for (int repeat = 0; repeat < 3; repeat++) {
                tasks.add(() -> r.put("/api/proposals/" + proposalId + "/support", Map.of()).status());
            }
        }
        Together.run(tasks).forEach(status -> assertEquals(200, status));
        assertEquals(before + 16, count());
        long rows = Jdbis.create(server.dataSource).withHandle(h -> h.createQuery(
                "SELECT count(*) FROM supports WHERE proposal_id = :proposal").bind("proposal", proposalId)
                .mapTo(Long.class).one());
        assertEquals(count(), rows, "the stored count equals the rows");

        var withdrawals = new ArrayList<Callable<Integer>>();
        for (Client r : residents.subList(0, 8)) {
            for (int repeat = 0; repeat < 2; repeat++) {
                withdrawals.add(() -> r.delete("/api/proposals/" + proposalId + "/support").status());
            }
        }
        Together.run(withdrawals).forEach(status -> assertEquals(200, status));
        assertEquals(before + 8, count());
    }

    @Test
    void supportingNeedsAnAccountAndShowsWhetherIDid() {
        server.anonymous().put("/api/proposals/" + proposalId + "/support", Map.of()).expect(401);
        var sanne = server.signedIn("sanne@test.example", Role.RESIDENT);
        var state = sanne.put("/api/proposals/" + proposalId + "/support", Map.of()).expect(200).json();
        assertTrue(state.get("supported").asBoolean());
        assertTrue(sanne.get("/api/proposals/" + proposalId).json().get("properties").get("supportedByMe").asBoolean());
        sanne.delete("/api/proposals/" + proposalId + "/support").expect(200);
        assertFalse(sanne.get("/api/proposals/" + proposalId).json().get("properties").get("supportedByMe").asBoolean());
        sanne.put("/api/proposals/999999/support", Map.of()).expect(404);
    }
}
