package nl.plein.projects;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.plein.db.Jdbis;
import nl.plein.geo.GeoJsonReader;
import nl.plein.geo.GeometryKind;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Projects in PostGIS; PostGIS writes their GeoJSON. */
public final class ProjectStore {
    private static final String FEATURE = Jdbis.sql(ProjectStore.class, "project-feature.sql");
    private static final String METRIC = Jdbis.sql(ProjectStore.class, "metric-crs.sql");
    private static final String CREATE = Jdbis.sql(ProjectStore.class, "create.sql");
    private static final String NEW_ANALYSIS_VERSION = Jdbis.sql(ProjectStore.class, "new-analysis-version.sql");
    private static final String UPDATE = Jdbis.sql(ProjectStore.class, "update.sql");
    private static final String RULES = Jdbis.sql(ProjectStore.class, "rules.sql");
    private static final String CLEAR_SCHEDULE = Jdbis.sql(ProjectStore.class, "clear-schedule.sql");
    private static final String SCHEDULE_STAGE = Jdbis.sql(ProjectStore.class, "schedule-stage.sql");

    private final Jdbi jdbi;

    public ProjectStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A project as written by an admin; absent optional parts keep their current value on update. */
    public record Draft(Optional<String> title, Optional<String> summary, Optional<Geometry> area,
                        Optional<List<String>> categories, Optional<List<GeometryKind>> kinds,
                        Optional<Stage> stage, Optional<Boolean> open, Optional<Boolean> premoderation,
                        Optional<Map<Stage, LocalDate[]>> schedule, Optional<Language> language,
                        Optional<MetricCrs> metricCrs) {
    }

    /** Refuses a CRS that analyses cannot measure in (see metric-crs.sql). */
    private static void requireMetric(Handle h, MetricCrs crs) {
        var metric = h.createQuery(METRIC).bind("srid", crs.srid()).map((rs, ctx) -> rs.getBoolean(1)).findOne();
        if (metric.isEmpty()) {
            throw ApiError.invalid(crs.field(), "EPSG:" + crs.srid() + " is not a CRS this server knows");
        }
        if (!metric.get()) {
            throw ApiError.invalid(crs.field(), "EPSG:" + crs.srid() + " is not a projected CRS in metres"
                    + " (analyses measure distances in metres, e.g. EPSG:28992 or a UTM zone)");
        }
    }

    public List<String> listFeatures() {
        return jdbi.withHandle(h -> h.createQuery(FEATURE).bind("id", (Long) null).mapTo(String.class).list());
    }

    public Optional<String> feature(long id) {
        return jdbi.withHandle(h -> feature(h, id));
    }

    private static Optional<String> feature(Handle h, long id) {
        return h.createQuery(FEATURE).bind("id", id).mapTo(String.class).findOne();
    }

    public String create(Draft draft, long adminId) {
        return jdbi.inTransaction(h -> {
            if (draft.metricCrs().isPresent()) {
                requireMetric(h, draft.metricCrs().get());
            }
            long id = h.createQuery(CREATE)
                    .bind("title", draft.title().orElseThrow())
                    .bind("summary", draft.summary().orElse(""))
                    .bind("area", wkb(draft.area().orElseThrow()))
                    .bind("categories", draft.categories().orElse(List.of()).toArray(String[]::new))
                    .bind("kinds", kinds(draft.kinds().orElse(Arrays.asList(GeometryKind.values()))))
                    .bind("stage", Choices.wire(draft.stage().orElse(Stage.THINK)))
                    .bind("open", draft.open().orElse(true))
                    .bind("premoderation", draft.premoderation().orElse(false))
                    .bind("createdBy", adminId)
                    .bind("language", Choices.wire(draft.language().orElse(Language.NL)))
                    .bind("metricSrid", draft.metricCrs().map(MetricCrs::srid).orElse(null))
                    .mapTo(Long.class).one();
            writeSchedule(h, id, draft.schedule().orElse(Map.of()));
            return feature(h, id).orElseThrow();
        });
    }

    public String update(long id, Draft draft) {
        return jdbi.inTransaction(h -> {
            if (draft.metricCrs().isPresent()) {
                requireMetric(h, draft.metricCrs().get());
            }
            Integer metricSrid = draft.metricCrs().map(MetricCrs::srid).orElse(null);
            byte[] area = draft.area().map(ProjectStore::wkb).orElse(null);
            h.createUpdate(NEW_ANALYSIS_VERSION)
                    .bind("id", id)
                    .bind("metricSrid", metricSrid)
                    .bind("area", area)
                    .execute();
            int changed = h.createUpdate(UPDATE)
                    .bind("id", id)
                    .bind("title", draft.title().orElse(null))
                    .bind("summary", draft.summary().orElse(null))
                    .bind("area", area)
                    .bind("categories", draft.categories().map(l -> l.toArray(String[]::new)).orElse(null))
                    .bind("kinds", draft.kinds().map(ProjectStore::kinds).orElse(null))
                    .bind("stage", draft.stage().map(Choices::wire).orElse(null))
                    .bind("open", draft.open().orElse(null))
                    .bind("premoderation", draft.premoderation().orElse(null))
                    .bind("language", draft.language().map(Choices::wire).orElse(null))
                    .bind("metricSrid", metricSrid)
                    .execute();
            if (changed == 0) {
                throw ApiError.notFound("Project " + id);
            }
            if (draft.schedule().isPresent()) {
                writeSchedule(h, id, draft.schedule().get());
            }
            return feature(h, id).orElseThrow();
        });
    }

    /** The rules proposals in a project are checked against; a missing project is a 404. */
    public ProjectRules rules(long id) {
        return jdbi.withHandle(h -> h.createQuery(RULES).bind("id", id).map((rs, ctx) -> {
            Geometry area = readWkb(rs.getBytes(5));
            var kinds = Arrays.stream((String[]) rs.getArray(3).getArray())
                    .map(k -> Choices.parse("geometryKinds", k, GeometryKind.class))
                    .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(GeometryKind.class)));
            return new ProjectRules(id, rs.getBoolean(1), rs.getBoolean(2), kinds,
                    List.of((String[]) rs.getArray(4).getArray()), area, PreparedGeometryFactory.prepare(area));
        }).findOne()).orElseThrow(() -> ApiError.notFound("Project " + id));
    }

    private static void writeSchedule(Handle h, long id, Map<Stage, LocalDate[]> schedule) {
        h.createUpdate(CLEAR_SCHEDULE).bind("id", id).execute();
        var all = new EnumMap<Stage, LocalDate[]>(Stage.class);
        all.putAll(schedule);
        for (var entry : all.entrySet()) {
            LocalDate[] dates = entry.getValue();
            h.createUpdate(SCHEDULE_STAGE)
                    .bind("id", id)
                    .bind("stage", Choices.wire(entry.getKey()))
                    .bind("startsOn", dates[0] == null ? null : Date.valueOf(dates[0]))
                    .bind("endsOn", dates[1] == null ? null : Date.valueOf(dates[1]))
                    .execute();
        }
    }

    private static String[] kinds(List<GeometryKind> kinds) {
        return kinds.stream().map(Choices::wire).toArray(String[]::new);
    }

    private static byte[] wkb(Geometry geometry) {
        return new WKBWriter().write(geometry);
    }

    private static Geometry readWkb(byte[] bytes) {
        try {
            Geometry g = new WKBReader(GeoJsonReader.FACTORY).read(bytes);
            g.setSRID(4326);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKB", e);
        }
    }
}
