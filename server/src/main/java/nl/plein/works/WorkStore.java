package nl.plein.works;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.photos.PhotoTarget;
import nl.plein.proposals.ProposalStore;
import nl.plein.http.Choices;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.util.PSQLException;

/**
 * Carrying out: works made from accepted proposals or funded ballot items, changed by planners, and
 * their public timelines. A step is added with the work's row locked, so the status always follows
 * the newest step however many planners write at once.
 *
 * <p>The one definition of the figures every part of issue 17 shares: a work is <em>delayed</em>
 * when it is neither done nor cancelled and today (in the server's time zone) is after its planned
 * end, or when it was done after its planned end; <em>on time</em> when it was done on or before
 * its planned end; <em>over budget</em> when more was spent than budgeted.
 */
public final class WorkStore {
    private static final String WORK = sql("work.sql");
    private static final String STEPS = sql("steps.sql");
    private static final String FIGURES = sql("figures.sql");
    private static final String REALISATION = sql("realisation.sql");
    private static final String PROPOSAL_SOURCE = sql("proposal-source.sql");
    private static final String ITEM_SOURCE = sql("item-source.sql");
    private static final String INSERT = sql("insert.sql");
    private static final String LOCK = sql("lock.sql");
    private static final String UPDATE = sql("update.sql");
    private static final String INSERT_STEP = sql("insert-step.sql");
    private static final String FOLLOW_STEPS = sql("follow-steps.sql");
    private static final String CARRIED_PROPOSALS = sql("carried-proposals.sql");
    private static final String PROJECT_EXISTS = sql("project-exists.sql");

    /** Delayed, on a work aliased {@code w}, for {@code :today}. */
    static final String DELAYED = "((w.status NOT IN ('done', 'cancelled') AND :today::date > w.planned_end)"
            + " OR (w.status = 'done' AND w.finished_on > w.planned_end))";
    /** On time, on a work aliased {@code w}. */
    static final String ON_TIME = "(w.status = 'done' AND w.finished_on <= w.planned_end)";

    private final Jdbi jdbi;
    private final ZoneId zone;
    private final Clock clock;

    public WorkStore(Jdbi jdbi, ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.zone = zone;
        this.clock = clock;
    }

    private static String sql(String name) {
        return Jdbis.sql(WorkStore.class, name);
    }

    /** The work's project and planned dates, as read with its row locked. */
    record Locked(long projectId, LocalDate plannedStart, LocalDate plannedEnd) {
    }

    private record Source(long projectId, String title, String description, long budget) {
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private <S extends SqlStatement<S>> S flags(S statement) {
        return statement.define("delayed", DELAYED).define("on_time", ON_TIME).bind("today", today());
    }

    /** The project's works, as JSON objects; a missing project is a 404. */
    public List<String> list(long projectId) {
        return jdbi.withHandle(h -> {
            requireProject(h, projectId);
            return flags(h.createQuery(WORK)).bind("project", projectId).bind("work", (Long) null)
                    .mapTo(String.class).list();
        });
    }

    /** One work with its timeline; hidden notes only for staff. */
    public String get(long workId, Viewer viewer) {
        return jdbi.withHandle(h -> detail(h, workId, viewer));
    }

    /** The project's works counted (see the class comment for the definitions). */
    public WorkFigures figures(long projectId) {
        return jdbi.withHandle(h -> {
            requireProject(h, projectId);
            return flags(h.createQuery(FIGURES)).bind("project", projectId).map((rs, ctx) -> {
                var byStatus = new LinkedHashMap<String, Long>();
                for (String status : List.of("planned", "design", "tender", "construction", "done", "cancelled")) {
                    byStatus.put(status, rs.getLong(status));
                }
                return new WorkFigures(projectId, today().toString(), rs.getLong("works"), byStatus,
                        rs.getLong("on_time"), rs.getLong("delayed"), rs.getLong("on_budget"),
                        rs.getLong("over_budget"), rs.getLong("budget"), rs.getLong("spent"));
            }).one();
        });
    }

    /** The project's works with the shared flags, by planned end: what realisation figures are made of. */
    public List<WorkRealisation> realisation(long projectId) {
        return jdbi.withHandle(h -> flags(h.createQuery(REALISATION)).bind("project", projectId)
                .map((rs, ctx) -> new WorkRealisation(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                        rs.getObject("planned_end", LocalDate.class), rs.getObject("finished_on", LocalDate.class),
                        rs.getLong("budget"), rs.getLong("spent"), rs.getBoolean("delayed"),
                        rs.getBoolean("on_time"))).list());
    }

    /** Makes a work from an accepted proposal or a funded ballot item of the project. */
    public String create(long projectId, WorkDraft draft, Viewer planner) {
        try {
            return jdbi.inTransaction(h -> {
                requireProject(h, projectId);
                Source source = draft.proposalId() != null ? fromProposal(h, projectId, draft)
                        : fromItem(h, projectId, draft);
                long id = h.createQuery(INSERT).bind("project", projectId).bind("proposal", draft.proposalId())
                        .bind("item", draft.itemId())
                        .bind("title", draft.title() != null ? draft.title() : source.title())
                        .bind("description", draft.description() != null ? draft.description() : source.description())
                        .bind("team", draft.team()).bind("start", draft.plannedStart())
                        .bind("end", draft.plannedEnd()).bind("budget", source.budget())
                        .bind("account", planner.requireAccount()).mapTo(Long.class).one();
                return detail(h, id, planner);
            });
        } catch (UnableToExecuteStatementException e) {
            throw duplicate(e, draft);
        }
    }

    private static Source fromProposal(Handle h, long projectId, WorkDraft draft) {
        long id = draft.proposalId();
        record Row(long projectId, String status, boolean withdrawn, String title, String description, Long workId) {
        }
        Row row = h.createQuery(PROPOSAL_SOURCE).bind("proposal", id)
                .map((rs, ctx) -> new Row(rs.getLong("project_id"), rs.getString("status"), rs.getBoolean("withdrawn"),
                        rs.getString("title"), rs.getString("description"), (Long) rs.getObject("work_id")))
                .findOne().filter(r -> r.projectId() == projectId)
                .orElseThrow(() -> ApiError.invalid("proposalId", "proposal " + id + " is not a proposal of this project"));
        if (row.withdrawn() || !row.status().equals("accepted")) {
            throw ApiError.conflict("proposalId", "proposal " + id + " is " + (row.withdrawn() ? "withdrawn"
                    : row.status()) + "; only an accepted proposal becomes a work");
        }
        if (row.workId() != null) {
            throw ApiError.conflict("proposalId", "proposal " + id + " is carried out by work " + row.workId()
                    + " already");
        }
        if (draft.budget() == null) {
            throw ApiError.invalid("budget", "is required for a work made from a proposal");
        }
        return new Source(projectId, row.title(), row.description(), draft.budget());
    }

    private static Source fromItem(Handle h, long projectId, WorkDraft draft) {
        long id = draft.itemId();
        record Row(long projectId, boolean counted, boolean funded, long cost, String title, String description,
                   Long workId) {
        }
        Row row = h.createQuery(ITEM_SOURCE).bind("item", id)
                .map((rs, ctx) -> new Row(rs.getLong("project_id"), rs.getBoolean("counted"), rs.getBoolean("funded"),
                        rs.getLong("cost"), rs.getString("title"), rs.getString("description"),
                        (Long) rs.getObject("work_id")))
                .findOne().filter(r -> r.projectId() == projectId)
                .orElseThrow(() -> ApiError.invalid("itemId", "item " + id + " is not a ballot item of this project"));
        if (!row.counted() || !row.funded()) {
            throw ApiError.conflict("itemId", "item " + id + (row.counted() ? " was not funded by its vote"
                    : "'s vote has not been counted yet") + "; only a funded item becomes a work");
        }
        if (row.workId() != null) {
            throw ApiError.conflict("itemId", "item " + id + " is carried out by work " + row.workId() + " already");
        }
        if (draft.budget() != null && draft.budget() != row.cost()) {
            throw ApiError.invalid("budget", "must be the item's cost, " + row.cost()
                    + ", as the vote funded it (or leave it out)");
        }
        return new Source(projectId, row.title(), row.description(), row.cost());
    }

    /** Two planners making a work of the same thing at once: the unique index keeps one, the other learns why. */
    private static RuntimeException duplicate(UnableToExecuteStatementException e, WorkDraft draft) {
        if (e.getCause() instanceof PSQLException sql && "23505".equals(sql.getSQLState())
                && sql.getServerErrorMessage() != null) {
            String constraint = String.valueOf(sql.getServerErrorMessage().getConstraint());
            if (constraint.equals("works_item_idx")) {
                return ApiError.conflict("itemId", "item " + draft.itemId() + " is carried out by a work already");
            }
            if (constraint.equals("works_proposal_idx")) {
                return ApiError.conflict("proposalId", "proposal " + draft.proposalId()
                        + " is carried out by a work already");
            }
        }
        return e;
    }

    /** Changes a work; the planned end may not come before the planned start, however they are changed. */
    public String update(long workId, WorkDraft draft, Viewer planner, AsBuiltCheck asBuiltCheck) {
        return jdbi.inTransaction(h -> {
            Locked work = lock(h, workId);
            LocalDate start = draft.plannedStart() != null ? draft.plannedStart() : work.plannedStart();
            LocalDate end = draft.plannedEnd() != null ? draft.plannedEnd() : work.plannedEnd();
            if (end.isBefore(start)) {
                throw ApiError.invalid(draft.plannedEnd() != null ? "plannedEnd" : "plannedStart",
                        "the planned end (" + end + ") must not be before the planned start (" + start + ")");
            }
            draft.asBuilt().flatMap(g -> g).ifPresent(g -> asBuiltCheck.check(work.projectId(), g));
            boolean setAsBuilt = draft.asBuilt().isPresent();
            byte[] wkb = draft.asBuilt().flatMap(g -> g).map(g -> new WKBWriter().write(g)).orElse(null);
            h.createUpdate(UPDATE).bind("work", workId).bind("title", draft.title()).bind("team", draft.team())
                    .bind("description", draft.description()).bind("start", draft.plannedStart())
                    .bind("end", draft.plannedEnd()).bind("spent", draft.spent()).bind("setAsBuilt", setAsBuilt)
                    .bind("asBuilt", wkb).execute();
            return detail(h, workId, planner);
        });
    }

    /** How an as-built geometry is checked against the work's project (its area). */
    @FunctionalInterface
    public interface AsBuiltCheck {
        void check(long projectId, org.locationtech.jts.geom.Geometry geometry);
    }

    /** Adds a step to the timeline; the work's status and finished_on follow its newest step. */
    public String addStep(long workId, Step step, LocalDate onDate, String note, Viewer planner) {
        return jdbi.inTransaction(h -> {
            lock(h, workId);
            h.createQuery(INSERT_STEP).bind("work", workId).bind("step", Choices.wire(step)).bind("onDate", onDate)
                    .bind("note", note).bind("account", planner.requireAccount()).mapTo(Long.class).one();
            h.createUpdate(FOLLOW_STEPS).bind("work", workId).execute();
            // Once built, what was proposed is realised: the proposals say so, with the step's note.
            ProposalStore.realised(h, h.createQuery(CARRIED_PROPOSALS).bind("work", workId).mapTo(Long.class).list(),
                    note, planner.requireAccount());
            return detail(h, workId, planner);
        });
    }

    private static Locked lock(Handle h, long workId) {
        return h.createQuery(LOCK).bind("work", workId)
                .map((rs, ctx) -> new Locked(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class))).findOne()
                .orElseThrow(() -> notFound(workId));
    }

    private String detail(Handle h, long workId, Viewer viewer) {
        String work = flags(h.createQuery(WORK)).bind("project", (Long) null).bind("work", workId)
                .mapTo(String.class).findOne().orElseThrow(() -> notFound(workId));
        List<String> steps = h.createQuery(STEPS).define("photos", PhotoTarget.WORK_STEP.photos("s.id"))
                .bind("work", workId).bind("staff", viewer.isStaff())
                .mapTo(String.class).list();
        return work.substring(0, work.length() - 1) + ",\"steps\":[" + String.join(",", steps) + "]}";
    }

    private static void requireProject(Handle h, long projectId) {
        if (!h.createQuery(PROJECT_EXISTS).bind("project", projectId).mapTo(Boolean.class).one()) {
            throw ApiError.notFound("Project " + projectId);
        }
    }

    static ApiError notFound(long workId) {
        return ApiError.notFound("Work " + workId);
    }
}
