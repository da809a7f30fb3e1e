package nl.plein.gisdata.demo;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.plein.gisdata.Jdbc;
import nl.plein.gisdata.demo.DemoDataset.Account;
import nl.plein.gisdata.demo.DemoDataset.Area;
import nl.plein.gisdata.demo.DemoDataset.Comment;
import nl.plein.gisdata.demo.DemoDataset.Decision;
import nl.plein.gisdata.demo.DemoDataset.ModerationEntry;
import nl.plein.gisdata.demo.DemoDataset.Place;
import nl.plein.gisdata.demo.DemoDataset.Project;
import nl.plein.gisdata.demo.DemoDataset.Proposal;
import nl.plein.gisdata.demo.DemoDataset.StageDates;
import nl.plein.gisdata.demo.DemoDataset.Support;
import nl.plein.gisdata.demo.DemoDataset.Variant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes a {@link DemoDataset} through one Jdbi handle; the caller owns the transaction.
 *
 * <p>Every value is a bound parameter, each statement in a {@code .sql} file beside this class.
 * Geometry goes over as WKB, which is exact: PostGIS checks the very coordinates the generator
 * validated, not a decimal rendering of them. Rows that others refer to are inserted in batches
 * that return their generated ids, in insertion order.
 */
final class DemoWriter {

    /** How many rows of each table were written. */
    record Counts(int areas, int accounts, int projects, int places, int proposals, int decisions, int variants,
            int comments, int supports, int moderation) {}

    /** Binds the values of one row, the row-th of its list, to a batch. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedBatch batch, int row);
    }

    private static final String INSERT_AREA_SET = sql("insert-area-set.sql");
    private static final String INSERT_AREA = sql("insert-area.sql");
    private static final String INSERT_ACCOUNT = sql("insert-account.sql");
    private static final String INSERT_PROJECT = sql("insert-project.sql");
    private static final String INSERT_PROJECT_STAGE = sql("insert-project-stage.sql");
    private static final String INSERT_PLACE = sql("insert-place.sql");
    private static final String INSERT_PROPOSAL = sql("insert-proposal.sql");
    private static final String INSERT_DECISION = sql("insert-decision.sql");
    private static final String INSERT_VARIANT = sql("insert-variant.sql");
    private static final String INSERT_COMMENT = sql("insert-comment.sql");
    private static final String INSERT_SUPPORTS = sql("insert-supports.sql");
    private static final String INSERT_MODERATION = sql("insert-moderation.sql");
    private static final String METRIC_SRID = sql("metric-srid.sql");
    private static final String PRESENTATIONS = sql("presentations.sql");

    private final Handle handle;
    private final DemoData.Placer placer;
    private final WKBWriter wkb = new WKBWriter(2);

    DemoWriter(Handle handle, DemoData.Placer placer) {
        this.handle = handle;
        this.placer = placer;
    }

    private static String sql(String name) {
        return Jdbc.sql(DemoWriter.class, name);
    }

    /**
     * A presentation for a council evening on each project, so that the projector, a live meeting
     * and its record have something to show: all proposals, their clusters, participation per
     * buurt, and (where there are any) the most supported accepted or realised proposals with their
     * variants. Each slide's view spans the project's area; everything is drawn from what is there.
     */
    private void writePresentations(long[] projectIds, long areaSet) {
        handle.createUpdate(PRESENTATIONS).bind("projects", Arrays.stream(projectIds).boxed().toArray(Long[]::new))
                .bind("set", areaSet).execute();
    }

    /** passwordHashes holds one stored hash per account, in account order. */
    Counts write(DemoDataset data, List<String> passwordHashes) throws SQLException {
        long areaSet = insertAreaSet(data);
        List<Area> areas = data.areas();
        long[] areaIds = insert(INSERT_AREA, areas.size(), (b, i) -> {
            Area a = areas.get(i);
            b.bind("set", areaSet).bind("code", a.code()).bind("name", a.name()).bind("population", a.population())
                    .bind("geom", wkb.write(a.geom()));
        });

        List<Account> accounts = data.accounts();
        long[] accountIds = insert(INSERT_ACCOUNT, accounts.size(), (b, i) -> {
            Account a = accounts.get(i);
            b.bind("email", a.email()).bind("passwordHash", passwordHashes.get(i)).bind("displayName", a.displayName())
                    .bind("role", a.role()).bind("homeArea", a.homeArea() == null ? null : areaIds[a.homeArea()])
                    .bind("createdAt", time(a.createdAt()));
        });

        List<Project> projects = data.projects();
        long[] projectIds = insert(INSERT_PROJECT, projects.size(), (b, i) -> {
            Project p = projects.get(i);
            b.bind("title", p.title()).bind("summary", p.summary()).bind("area", wkb.write(p.area()))
                    .bind("categories", p.categories().toArray(String[]::new))
                    .bind("geometryKinds", p.geometryKinds().toArray(String[]::new)).bind("stage", p.stage())
                    .bind("open", p.open()).bind("premoderation", p.premoderation())
                    .bind("createdBy", accountIds[p.createdBy()]).bind("createdAt", time(p.createdAt()))
                    .bind("updatedAt", time(p.updatedAt()));
        });

        record StageRow(long projectId, StageDates dates) {}
        List<StageRow> stages = new ArrayList<>();
        for (int p = 0; p < projects.size(); p++) {
            for (StageDates dates : projects.get(p).stages()) {
                stages.add(new StageRow(projectIds[p], dates));
            }
        }
        batch(INSERT_PROJECT_STAGE, stages.size(), (b, i) -> {
            StageRow row = stages.get(i);
            b.bind("project", row.projectId()).bind("stage", row.dates().stage())
                    .bind("startsOn", row.dates().startsOn()).bind("endsOn", row.dates().endsOn());
        });

        List<Place> places = data.places();
        batch(INSERT_PLACE, places.size(), (b, i) -> {
            Place place = places.get(i);
            b.bind("project", projectIds[place.project()]).bind("name", place.name())
                    .bind("geom", wkb.write(place.geom()));
        });

        List<Proposal> proposals = data.proposals();
        long[] proposalIds = insert(INSERT_PROPOSAL, proposals.size(), (b, i) -> {
            Proposal p = proposals.get(i);
            b.bind("project", projectIds[p.project()]).bind("author", accountIds[p.author()])
                    .bind("title", p.title()).bind("description", p.description()).bind("category", p.category())
                    .bind("geom", wkb.write(p.geom())).bind("status", p.status()).bind("hidden", p.hidden())
                    .bind("createdAt", time(p.createdAt())).bind("updatedAt", time(p.updatedAt()));
        });

        List<Decision> decisions = data.decisions();
        batch(INSERT_DECISION, decisions.size(), (b, i) -> {
            Decision d = decisions.get(i);
            b.bind("proposal", proposalIds[d.proposal()]).bind("fromStatus", d.fromStatus())
                    .bind("toStatus", d.toStatus()).bind("reason", d.reason())
                    .bind("decidedBy", accountIds[d.decidedBy()]).bind("decidedAt", time(d.decidedAt()));
        });

        List<Variant> variants = data.variants();
        long[] variantIds = insert(INSERT_VARIANT, variants.size(), (b, i) -> {
            Variant v = variants.get(i);
            b.bind("proposal", proposalIds[v.proposal()]).bind("author", accountIds[v.author()])
                    .bind("title", v.title()).bind("description", v.description()).bind("geom", wkb.write(v.geom()))
                    .bind("createdAt", time(v.createdAt()));
        });

        long[] commentIds = insertComments(data.comments(), proposalIds, accountIds);

        List<Support> supports = data.supports();
        insertSupports(supports, proposalIds, accountIds);

        List<ModerationEntry> moderation = data.moderation();
        batch(INSERT_MODERATION, moderation.size(), (b, i) -> {
            ModerationEntry m = moderation.get(i);
            long[] targets = switch (m.targetKind()) {
                case "proposal" -> proposalIds;
                case "variant" -> variantIds;
                case "comment" -> commentIds;
                default -> throw new IllegalArgumentException("unknown target kind " + m.targetKind());
            };
            b.bind("targetKind", m.targetKind()).bind("target", targets[m.target()]).bind("action", m.action())
                    .bind("reason", m.reason()).bind("moderator", accountIds[m.moderator()])
                    .bind("at", time(m.at()));
        });

        // Vijverdal is a Dutch town: distances are measured in the Dutch national grid. Then every
        // drawing is placed in its buurt by the same rule the server applies when drawings are written.
        handle.createUpdate(METRIC_SRID).bind("set", areaSet).execute();
        placer.placeAll(handle, areaSet);
        writePresentations(projectIds, areaSet);

        return new Counts(areas.size(), accounts.size(), projects.size(), places.size(), proposals.size(),
                decisions.size(), variants.size(), data.comments().size(), supports.size(), moderation.size());
    }

    private long insertAreaSet(DemoDataset data) {
        return insert(INSERT_AREA_SET, 1, (b, i) -> b.bind("name", data.areaSet().name())
                .bind("kind", data.areaSet().kind()).bind("source", data.areaSet().source())
                .bind("createdAt", time(data.areaSet().createdAt())))[0];
    }

    /**
     * Comments in list order (which is chronological). A reply needs its parent's id, so the
     * pending rows are sent whenever the next comment answers one that is still among them.
     */
    private long[] insertComments(List<Comment> comments, long[] proposalIds, long[] accountIds) {
        long[] ids = new long[comments.size()];
        Binder binder = (b, i) -> {
            Comment c = comments.get(i);
            b.bind("proposal", proposalIds[c.proposal()]).bind("parent", c.parent() == null ? null : ids[c.parent()])
                    .bind("author", accountIds[c.author()]).bind("body", c.body())
                    .bind("geom", c.geom() == null ? null : wkb.write(c.geom())).bind("hidden", c.hidden())
                    .bind("createdAt", time(c.createdAt()));
        };
        int flushed = 0;
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            if (c.parent() != null && c.parent() >= flushed) {
                insert(INSERT_COMMENT, flushed, i, binder, ids);
                flushed = i;
            }
        }
        insert(INSERT_COMMENT, flushed, comments.size(), binder, ids);
        return ids;
    }

    /**
     * All supports in one statement. In a JDBC batch every row is a statement of its own, so the
     * statement-level triggers that keep participation (activity_added) ran once per support; here
     * they run once. support_count on proposals follows from the row trigger on supports, as for a
     * support given through the API; it is never written here.
     */
    private void insertSupports(List<Support> supports, long[] proposalIds, long[] accountIds) throws SQLException {
        Long[] proposals = new Long[supports.size()];
        Long[] accounts = new Long[supports.size()];
        String[] times = new String[supports.size()];
        for (int i = 0; i < supports.size(); i++) {
            Support su = supports.get(i);
            proposals[i] = proposalIds[su.proposal()];
            accounts[i] = accountIds[su.account()];
            times[i] = su.createdAt().toString();
        }
        int written = handle.createUpdate(INSERT_SUPPORTS).bind("proposals", proposals).bind("accounts", accounts)
                .bind("times", times).execute();
        if (written != supports.size()) {
            throw new SQLException("expected " + supports.size() + " supports written, got " + written);
        }
    }

    /** Inserts rows [0, rows) in one batch and returns their generated ids, in order. */
    private long[] insert(String sql, int rows, Binder binder) {
        long[] ids = new long[rows];
        insert(sql, 0, rows, binder, ids);
        return ids;
    }

    /** Inserts rows [from, to) in one batch and records their generated ids in ids[from, to). */
    private void insert(String sql, int from, int to, Binder binder, long[] ids) {
        if (from == to) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql);
        for (int i = from; i < to; i++) {
            binder.bind(batch, i);
            batch.add();
        }
        List<Long> generated = batch.executePreparedBatch("id").mapTo(Long.class).list();
        if (generated.size() != to - from) {
            throw new IllegalStateException("expected " + (to - from) + " generated ids, got " + generated.size());
        }
        for (int i = from; i < to; i++) {
            ids[i] = generated.get(i - from);
        }
    }

    private void batch(String sql, int rows, Binder binder) {
        if (rows == 0) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql);
        for (int i = 0; i < rows; i++) {
            binder.bind(batch, i);
            batch.add();
        }
        batch.execute();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
