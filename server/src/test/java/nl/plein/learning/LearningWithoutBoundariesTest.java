package nl.plein.learning;

import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.plein.accounts.Role;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.Test;

/** Before any boundary set is loaded the learning report still answers, and says there is nothing per area. */
class LearningWithoutBoundariesTest {
    @Test
    void theReportSaysThereAreNoFiguresPerAreaInsteadOfFailing() {
        try (var server = TestServer.start()) {
            long projectId = server.signedIn("admin@test.example", Role.ADMIN)
                    .post("/api/projects", project("Zonder buurten", List.of("point"), false)).expect(201).json()
                    .get("id").asLong();
            var report = server.anonymous().get("/api/projects/" + projectId + "/learning").expect(200).json();
            assertTrue(report.get("areaSet").isNull());
            assertTrue(report.get("participation").isNull());
            assertTrue(report.get("turnout").isNull());
            assertEquals(0, report.get("money").get("euros").asLong());
            assertEquals(0, report.get("realisation").get("totals").get("works").asLong());
            String page = server.anonymous().get("/reports/projects/" + projectId + "/learning?lang=nl").expect(200)
                    .body();
            assertTrue(page.contains("Er is nog geen gebiedsindeling geladen"), page);
            assertTrue(page.contains("Nog geen werken."), page);
            assertFalse(page.contains("null") || page.contains("undefined"), page);
        }
    }
}
