package nl.plein.following;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Jdbi;

/**
 * Works, their steps and votes written straight into their tables (V14, V16), as the parts of
 * Plein that own them would: following relies on the tables and their triggers, not on that code.
 */
final class Events {
    private final Jdbi jdbi;

    Events(javax.sql.DataSource dataSource) {
        this.jdbi = Jdbis.create(dataSource);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    long work(long projectId, long proposalId, String title) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO works (project_id, proposal_id, title, team, planned_start, planned_end, budget)
                        VALUES (:project, :proposal, :title, 'Parks', :start, :end, 10000) RETURNING id""")
                .bind("project", projectId).bind("proposal", proposalId).bind("title", title)
                .bind("start", LocalDate.of(2026, 5, 1)).bind("end", LocalDate.of(2026, 9, 1))
                .mapTo(Long.class).one());
    }

    long step(long workId, String step, String note, Long authorId, boolean hidden) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO work_steps (work_id, step, on_date, note, author_id, hidden)
                        VALUES (:work, :step, :on, :note, :author, :hidden) RETURNING id""")
                .bind("work", workId).bind("step", step).bind("on", LocalDate.of(2026, 6, 1))
                .bind("note", note).bind("author", authorId).bind("hidden", hidden)
                .mapTo(Long.class).one());
    }

    long vote(long projectId, String title, OffsetDateTime opens, OffsetDateTime closes) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO votes (project_id, title, ballot_type, rule, opens_at, closes_at)
                        VALUES (:project, :title, 'approval', 'greedy', :opens, :closes) RETURNING id""")
                .bind("project", projectId).bind("title", title).bind("opens", opens).bind("closes", closes)
                .mapTo(Long.class).one());
    }

    long accountId(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE email = :email")
                .bind("email", email).mapTo(Long.class).one());
    }
}
