package nl.plein.gisdata.demo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes a {@link DemoDataset} through one JDBC connection; the caller owns the transaction.
 *
 * <p>Every value is a bound parameter. Geometry goes over as WKB, which is exact: PostGIS checks
 * the very coordinates the generator validated, not a decimal rendering of them. Rows that others
 * refer to are inserted in batches that return their generated ids, in insertion order.
 */
final class DemoWriter {

    /** How many rows of each table were written. */
    record Counts(int areas, int accounts, int projects, int places, int proposals, int decisions, int variants,
            int comments, int supports, int moderation) {}

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement, int row) throws SQLException;
    }

    private static final String GEOM = "ST_GeomFromWKB(?, 4326)";

    private final Connection connection;
    private final DemoData.Placer placer;
    private final WKBWriter wkb = new WKBWriter(2);

    DemoWriter(Connection connection, DemoData.Placer placer) {
        this.connection = connection;
        this.placer = placer;
    }

    /**
     * A presentation for a council evening on each project, so that the projector, a live meeting
     * and its record have something to show: all proposals, their clusters, participation per
     * buurt, and (where there are any) the most supported accepted or realised proposals with their
     * variants. Each slide's view spans the project's area; everything is drawn from what is there.
     */
    private void writePresentations(long[] projectIds, long areaSet) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("""
                WITH shown AS (
                    INSERT INTO presentations (project_id, title, created_by, created_at, updated_at)
                    SELECT id, 'Raadsinformatieavond: ' || title, created_by, updated_at, updated_at
                      FROM projects WHERE id = ANY (?)
                    RETURNING id, project_id, created_at
                ), chosen AS (
                    SELECT p.project_id, jsonb_agg(p.id ORDER BY p.support_count DESC, p.id) AS ids
                      FROM (SELECT project_id, id, support_count,
                                   row_number() OVER (PARTITION BY project_id ORDER BY support_count DESC, id) AS rank
                              FROM proposals
                             WHERE project_id = ANY (?) AND status IN ('accepted', 'realised')
                               AND NOT hidden AND NOT withdrawn) p
                     WHERE p.rank <= 5
                     GROUP BY p.project_id
                )
                INSERT INTO slides (presentation_id, position, title, text, view, created_at, updated_at)
                SELECT shown.id, slide.position, slide.title, slide.text,
                       jsonb_build_object('bbox', jsonb_build_array(ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)),
                                          'basemap', false, 'layers', slide.layers),
                       shown.created_at, shown.created_at
                  FROM shown
                  JOIN projects ON projects.id = shown.project_id
                  LEFT JOIN chosen ON chosen.project_id = shown.project_id
                 CROSS JOIN LATERAL (SELECT ST_Expand(Box2D(projects.area), (ST_XMax(projects.area) - ST_XMin(projects.area)) * 0.04,
                                                 (ST_YMax(projects.area) - ST_YMin(projects.area)) * 0.04) AS box) extent
                 CROSS JOIN LATERAL (VALUES
                       (1, 'Alle voorstellen', 'Wat bewoners voorstelden, per status.',
                        jsonb_build_object('proposals', jsonb_build_object('statuses',
                            jsonb_build_array('published', 'under_consideration', 'accepted', 'rejected', 'realised')))),
                       (2, 'Waar voorstellen samenkomen', 'Groepen van ten minste vijf voorstellen op hoogstens 25 meter van elkaar.',
                        jsonb_build_object('clusters', jsonb_build_object('eps', 25, 'minPoints', 5))),
                       (3, 'Wie deed mee, en wie nog niet?', 'Deelnemers per 1.000 inwoners per buurt.',
                        jsonb_build_object('participation', jsonb_build_object('set', ?::bigint))),
                       (4, 'Wat we kozen', 'De meest gesteunde aangenomen voorstellen, met hun varianten.',
                        CASE WHEN chosen.ids IS NULL THEN NULL
                             ELSE jsonb_build_object('chosen', jsonb_build_object('proposalIds', chosen.ids, 'variants', true)) END)
                 ) AS slide (position, title, text, layers)
                 WHERE slide.layers IS NOT NULL""")) {
            Array ids = connection.createArrayOf("bigint", java.util.Arrays.stream(projectIds).boxed().toArray());
            st.setArray(1, ids);
            st.setArray(2, ids);
            st.setLong(3, areaSet);
            st.executeUpdate();
        }
    }

    /** passwordHashes holds one stored hash per account, in account order. */
    Counts write(DemoDataset data, List<String> passwordHashes) throws SQLException {
        long areaSet = insertAreaSet(data);
        List<Area> areas = data.areas();
        long[] areaIds = insert("INSERT INTO areas (area_set_id, code, name, population, geom) VALUES (?, ?, ?, ?, "
                + GEOM + ")", areas.size(), (s, i) -> {
                    Area a = areas.get(i);
                    s.setLong(1, areaSet);
                    s.setString(2, a.code());
                    s.setString(3, a.name());
                    setNullable(s, 4, a.population(), Types.INTEGER);
                    s.setBytes(5, wkb.write(a.geom()));
                });

        List<Account> accounts = data.accounts();
        long[] accountIds = insert("INSERT INTO accounts (email, password_hash, display_name, role, home_area_id, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", accounts.size(), (s, i) -> {
                    Account a = accounts.get(i);
                    s.setString(1, a.email());
                    s.setString(2, passwordHashes.get(i));
                    s.setString(3, a.displayName());
                    s.setString(4, a.role());
                    setNullable(s, 5, a.homeArea() == null ? null : areaIds[a.homeArea()], Types.BIGINT);
                    s.setObject(6, time(a.createdAt()));
                });

        List<Project> projects = data.projects();
        long[] projectIds = insert("INSERT INTO projects (title, summary, area, categories, geometry_kinds, stage, "
                + "open, premoderation, created_by, created_at, updated_at) VALUES (?, ?, " + GEOM
                + ", ?, ?, ?, ?, ?, ?, ?, ?)", projects.size(), (s, i) -> {
                    Project p = projects.get(i);
                    s.setString(1, p.title());
                    s.setString(2, p.summary());
                    s.setBytes(3, wkb.write(p.area()));
                    s.setArray(4, connection.createArrayOf("text", p.categories().toArray()));
                    s.setArray(5, connection.createArrayOf("text", p.geometryKinds().toArray()));
                    s.setString(6, p.stage());
                    s.setBoolean(7, p.open());
                    s.setBoolean(8, p.premoderation());
                    s.setLong(9, accountIds[p.createdBy()]);
                    s.setObject(10, time(p.createdAt()));
                    s.setObject(11, time(p.updatedAt()));
                });

        record StageRow(long projectId, StageDates dates) {}
        List<StageRow> stages = new ArrayList<>();
        for (int p = 0; p < projects.size(); p++) {
            for (StageDates dates : projects.get(p).stages()) {
                stages.add(new StageRow(projectIds[p], dates));
            }
        }
        batch("INSERT INTO project_stages (project_id, stage, starts_on, ends_on) VALUES (?, ?, ?, ?)",
                stages.size(), (s, i) -> {
                    StageRow row = stages.get(i);
                    s.setLong(1, row.projectId());
                    s.setString(2, row.dates().stage());
                    s.setObject(3, row.dates().startsOn());
                    s.setObject(4, row.dates().endsOn());
                });

        List<Place> places = data.places();
        batch("INSERT INTO places (project_id, name, geom) VALUES (?, ?, " + GEOM + ")", places.size(), (s, i) -> {
            Place place = places.get(i);
            s.setLong(1, projectIds[place.project()]);
            s.setString(2, place.name());
            s.setBytes(3, wkb.write(place.geom()));
        });

        List<Proposal> proposals = data.proposals();
        long[] proposalIds = insert("INSERT INTO proposals (project_id, author_id, title, description, category, "
                + "geom, status, hidden, created_at, updated_at) VALUES (?, ?, ?, ?, ?, " + GEOM
                + ", ?, ?, ?, ?)", proposals.size(), (s, i) -> {
                    Proposal p = proposals.get(i);
                    s.setLong(1, projectIds[p.project()]);
                    s.setLong(2, accountIds[p.author()]);
                    s.setString(3, p.title());
                    s.setString(4, p.description());
                    s.setString(5, p.category());
                    s.setBytes(6, wkb.write(p.geom()));
                    s.setString(7, p.status());
                    s.setBoolean(8, p.hidden());
                    s.setObject(9, time(p.createdAt()));
                    s.setObject(10, time(p.updatedAt()));
                });

        List<Decision> decisions = data.decisions();
        batch("INSERT INTO proposal_decisions (proposal_id, from_status, to_status, reason, decided_by, decided_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", decisions.size(), (s, i) -> {
                    Decision d = decisions.get(i);
                    s.setLong(1, proposalIds[d.proposal()]);
                    s.setString(2, d.fromStatus());
                    s.setString(3, d.toStatus());
                    s.setString(4, d.reason());
                    s.setLong(5, accountIds[d.decidedBy()]);
                    s.setObject(6, time(d.decidedAt()));
                });

        List<Variant> variants = data.variants();
        long[] variantIds = insert("INSERT INTO variants (proposal_id, author_id, title, description, geom, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, " + GEOM + ", ?, ?)", variants.size(), (s, i) -> {
                    Variant v = variants.get(i);
                    s.setLong(1, proposalIds[v.proposal()]);
                    s.setLong(2, accountIds[v.author()]);
                    s.setString(3, v.title());
                    s.setString(4, v.description());
                    s.setBytes(5, wkb.write(v.geom()));
                    s.setObject(6, time(v.createdAt()));
                    s.setObject(7, time(v.createdAt()));
                });

        long[] commentIds = insertComments(data.comments(), proposalIds, accountIds);

        List<Support> supports = data.supports();
        insertSupports(supports, proposalIds, accountIds);

        List<ModerationEntry> moderation = data.moderation();
        batch("INSERT INTO moderation_log (target_kind, target_id, action, reason, moderator_id, at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", moderation.size(), (s, i) -> {
                    ModerationEntry m = moderation.get(i);
                    long[] targets = switch (m.targetKind()) {
                        case "proposal" -> proposalIds;
                        case "variant" -> variantIds;
                        case "comment" -> commentIds;
                        default -> throw new IllegalArgumentException("unknown target kind " + m.targetKind());
                    };
                    s.setString(1, m.targetKind());
                    s.setLong(2, targets[m.target()]);
                    s.setString(3, m.action());
                    s.setString(4, m.reason());
                    s.setLong(5, accountIds[m.moderator()]);
                    s.setObject(6, time(m.at()));
                });

        // Vijverdal is a Dutch town: distances are measured in the Dutch national grid. Then every
        // drawing is placed in its buurt by the same rule the server applies when drawings are written.
        try (PreparedStatement st = connection.prepareStatement("UPDATE area_sets SET metric_srid = 28992 WHERE id = ?")) {
            st.setLong(1, areaSet);
            st.executeUpdate();
        }
        placer.placeAll(connection, areaSet);
        writePresentations(projectIds, areaSet);

        return new Counts(areas.size(), accounts.size(), projects.size(), places.size(), proposals.size(),
                decisions.size(), variants.size(), data.comments().size(), supports.size(), moderation.size());
    }

    private long insertAreaSet(DemoDataset data) throws SQLException {
        return insert("INSERT INTO area_sets (name, kind, source, created_at) VALUES (?, ?, ?, ?)", 1, (s, i) -> {
            s.setString(1, data.areaSet().name());
            s.setString(2, data.areaSet().kind());
            s.setString(3, data.areaSet().source());
            s.setObject(4, time(data.areaSet().createdAt()));
        })[0];
    }

    /**
     * Comments in list order (which is chronological). A reply needs its parent's id, so the
     * pending batch is sent whenever the next comment answers one that is still in it.
     */
    private long[] insertComments(List<Comment> comments, long[] proposalIds, long[] accountIds) throws SQLException {
        long[] ids = new long[comments.size()];
        String sql = "INSERT INTO comments (proposal_id, parent_id, author_id, body, geom, hidden, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, " + GEOM + ", ?, ?, ?)";
        try (PreparedStatement s = connection.prepareStatement(sql, new String[] {"id"})) {
            int flushed = 0;
            for (int i = 0; i < comments.size(); i++) {
                Comment c = comments.get(i);
                if (c.parent() != null && c.parent() >= flushed) {
                    flushed = flush(s, ids, flushed, i);
                }
                s.setLong(1, proposalIds[c.proposal()]);
                setNullable(s, 2, c.parent() == null ? null : ids[c.parent()], Types.BIGINT);
                s.setLong(3, accountIds[c.author()]);
                s.setString(4, c.body());
                s.setBytes(5, c.geom() == null ? null : wkb.write(c.geom()));
                s.setBoolean(6, c.hidden());
                s.setObject(7, time(c.createdAt()));
                s.setObject(8, time(c.createdAt()));
                s.addBatch();
            }
            flush(s, ids, flushed, comments.size());
        }
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
        try (PreparedStatement st = connection.prepareStatement("""
                INSERT INTO supports (proposal_id, account_id, created_at)
                SELECT s.proposal_id, s.account_id, s.created_at::timestamptz
                  FROM unnest(?::bigint[], ?::bigint[], ?::text[]) WITH ORDINALITY AS s (proposal_id, account_id, created_at, n)
                 ORDER BY s.n""")) {
            st.setArray(1, connection.createArrayOf("bigint", proposals));
            st.setArray(2, connection.createArrayOf("bigint", accounts));
            st.setArray(3, connection.createArrayOf("text", times));
            int written = st.executeUpdate();
            if (written != supports.size()) {
                throw new SQLException("expected " + supports.size() + " supports written, got " + written);
            }
        }
    }

    /** Sends the batch holding rows [from, to) and records their ids; returns the new flushed mark. */
    private static int flush(PreparedStatement s, long[] ids, int from, int to) throws SQLException {
        s.executeBatch();
        readIds(s, ids, from, to);
        return to;
    }

    private long[] insert(String sql, int rows, Binder binder) throws SQLException {
        long[] ids = new long[rows];
        try (PreparedStatement s = connection.prepareStatement(sql, new String[] {"id"})) {
            for (int i = 0; i < rows; i++) {
                binder.bind(s, i);
                s.addBatch();
            }
            s.executeBatch();
            readIds(s, ids, 0, rows);
        }
        return ids;
    }

    private static void readIds(PreparedStatement s, long[] ids, int from, int to) throws SQLException {
        int i = from;
        try (ResultSet keys = s.getGeneratedKeys()) {
            while (keys.next()) {
                if (i >= to) {
                    throw new SQLException("more generated ids than inserted rows");
                }
                ids[i++] = keys.getLong(1);
            }
        }
        if (i != to) {
            throw new SQLException("expected " + (to - from) + " generated ids, got " + (i - from));
        }
    }

    private void batch(String sql, int rows, Binder binder) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                binder.bind(s, i);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement s, int index, Number value, int sqlType) throws SQLException {
        if (value == null) {
            s.setNull(index, sqlType);
        } else {
            s.setObject(index, value, sqlType);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
