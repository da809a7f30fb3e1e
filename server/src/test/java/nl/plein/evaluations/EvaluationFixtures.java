package nl.plein.evaluations;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;

import java.util.List;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;

/**
 * A project whose proposals are carried out as works, written straight into the works table (V16): the
 * works routes are another part's, and evaluations only need a work and its status.
 */
final class EvaluationFixtures {
    final Jdbi jdbi;
    final long projectId;
    private final Client admin;

    EvaluationFixtures(TestServer server, Client admin, String title) {
        this.jdbi = Jdbis.create(server.dataSource);
        this.admin = admin;
        this.projectId = admin.post("/api/projects", project(title, List.of("point"), false)).expect(201).json()
                .get("id").asLong();
    }

    /** A finished work (done yesterday). */
    long doneWork(String title) {
        return work(title, "done");
    }

    /** A work with the given status; a done one finished yesterday. */
    long work(String title, String status) {
        long proposalId = admin.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, title))
                .expect(201).json().get("id").asLong();
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO works (project_id, proposal_id, item_id, title, team, planned_start, planned_end, budget,
                                   status, finished_on)
                VALUES (:project, :proposal, NULL, :title, 'Team Groen', current_date - 60, current_date - 1, 10000,
                        :status, CASE WHEN :status = 'done' THEN current_date - 1 END)
                RETURNING id""")
                .bind("project", projectId).bind("proposal", proposalId).bind("title", title).bind("status", status)
                .mapTo(Long.class).one());
    }
}
