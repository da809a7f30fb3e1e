package nl.plein.gisdata.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * The complete demo content as plain values, before it touches a database.
 *
 * <p>Rows refer to each other by their index in these lists (database ids do not exist yet); the
 * writer maps indexes to generated ids. Keeping generation free of JDBC is what lets the tests
 * check every invariant without a database. Geometries are lon/lat (EPSG:4326); JTS geometry
 * equality is exact, so two datasets are equal only if they are identical to the last bit.
 */
record DemoDataset(
        AreaSet areaSet,
        List<Area> areas,
        List<Account> accounts,
        List<Project> projects,
        List<Place> places,
        List<Proposal> proposals,
        List<Decision> decisions,
        List<Variant> variants,
        List<Comment> comments,
        List<Support> supports,
        List<ModerationEntry> moderation) {

    DemoDataset {
        areas = List.copyOf(areas);
        accounts = List.copyOf(accounts);
        projects = List.copyOf(projects);
        places = List.copyOf(places);
        proposals = List.copyOf(proposals);
        decisions = List.copyOf(decisions);
        variants = List.copyOf(variants);
        comments = List.copyOf(comments);
        supports = List.copyOf(supports);
        moderation = List.copyOf(moderation);
    }

    record AreaSet(String name, String kind, String source, Instant createdAt) {}

    /** A neighbourhood; population null means unknown or secret. */
    record Area(String code, String name, Integer population, MultiPolygon geom) {}

    /** homeArea is an index into areas, or null. The password is not here: it is hashed at load. */
    record Account(String email, String displayName, String role, Integer homeArea, Instant createdAt) {}

    record Project(
            String title,
            String summary,
            MultiPolygon area,
            List<String> categories,
            List<String> geometryKinds,
            String stage,
            boolean open,
            boolean premoderation,
            int createdBy,
            Instant createdAt,
            Instant updatedAt,
            List<StageDates> stages) {

        Project {
            categories = List.copyOf(categories);
            geometryKinds = List.copyOf(geometryKinds);
            stages = List.copyOf(stages);
        }
    }

    record StageDates(String stage, LocalDate startsOn, LocalDate endsOn) {}

    /** A named place residents can pick instead of drawing; project is an index into projects. */
    record Place(int project, String name, Point geom) {}

    /** area is the index of the neighbourhood the proposal lies in (derived, not chosen). */
    record Proposal(
            int project,
            int author,
            String title,
            String description,
            String category,
            Geometry geom,
            String status,
            Integer area,
            boolean hidden,
            Instant createdAt,
            Instant updatedAt) {}

    /**
     * One step of a proposal's history. fromStatus is null for the submission itself; decidedBy
     * is the author for submitting (and for publishing without pre-moderation), else staff.
     */
    record Decision(int proposal, String fromStatus, String toStatus, String reason, int decidedBy,
            Instant decidedAt) {}

    record Variant(int proposal, int author, String title, String description, Geometry geom, Instant createdAt) {}

    /** parent is the index of an earlier comment on the same proposal, or null; geom may be null. */
    record Comment(int proposal, Integer parent, int author, String body, Geometry geom, boolean hidden,
            Instant createdAt) {}

    record Support(int proposal, int account, Instant createdAt) {}

    /** target is an index into proposals, variants or comments, according to targetKind. */
    record ModerationEntry(String targetKind, int target, String action, String reason, int moderator, Instant at) {}
}
