package nl.plein.projects;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.plein.db.Sql;
import nl.plein.geo.GeoJsonReader;
import nl.plein.geo.GeometryKind;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Projects in PostGIS; PostGIS writes their GeoJSON. */
public final class ProjectStore {
    private static final String FEATURE = Sql.load(ProjectStore.class, "project-feature.sql");

    private final DataSource dataSource;

    public ProjectStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A project as written by an admin; absent optional parts keep their current value on update. */
    public record Draft(Optional<String> title, Optional<String> summary, Optional<Geometry> area,
                        Optional<List<String>> categories, Optional<List<GeometryKind>> kinds,
                        Optional<Stage> stage, Optional<Boolean> open, Optional<Boolean> premoderation,
                        Optional<Map<Stage, LocalDate[]>> schedule, Optional<Language> language,
                        Optional<MetricCrs> metricCrs) {
    }

    /**
     * What an analysis may measure in: a projected CRS in metres that PostGIS knows. Web Mercator
     * (EPSG:3857 and its aliases) is refused: its metres are ground metres only at the equator
     * (in the Netherlands one of them is about 0.6 m).
     */
    private static final String METRIC = """
            SELECT srtext LIKE 'PROJCS[%' AND proj4text LIKE '%+units=m %'
                   AND proj4text NOT LIKE '%+proj=merc %+a=6378137 +b=6378137 %'
              FROM spatial_ref_sys WHERE srid = ?""";

    private static void requireMetric(Connection c, MetricCrs crs) throws SQLException {
        var metric = Sql.one(c, METRIC, rs -> rs.getBoolean(1), crs.srid());
        if (metric.isEmpty()) {
            throw ApiError.invalid(crs.field(), "EPSG:" + crs.srid() + " is not a CRS this server knows");
        }
        if (!metric.get()) {
            throw ApiError.invalid(crs.field(), "EPSG:" + crs.srid() + " is not a projected CRS in metres"
                    + " (analyses measure distances in metres, e.g. EPSG:28992 or a UTM zone)");
        }
    }

    public List<String> listFeatures() {
        return Sql.read(dataSource, c -> Sql.list(c, FEATURE + " ORDER BY p.id", rs -> rs.getString(1)));
    }

    public Optional<String> feature(long id) {
        return Sql.read(dataSource, c -> feature(c, id));
    }

    private static Optional<String> feature(Connection c, long id) throws SQLException {
        return Sql.one(c, FEATURE + " WHERE p.id = ?", rs -> rs.getString(1), id);
    }

    public String create(Draft draft, long adminId) {
        return Sql.transaction(dataSource, c -> {
            if (draft.metricCrs().isPresent()) {
                requireMetric(c, draft.metricCrs().get());
            }
            // Without a metric CRS, the database chooses one from the area (migration V12).
            long id = Sql.one(c, """
                    INSERT INTO projects (title, summary, area, categories, geometry_kinds, stage, open,
                                          premoderation, created_by, language, metric_srid)
                    VALUES (?, ?, ST_Multi(ST_GeomFromWKB(?, 4326)), ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                    rs -> rs.getLong(1),
                    draft.title().orElseThrow(), draft.summary().orElse(""), wkb(draft.area().orElseThrow()),
                    draft.categories().orElse(List.of()).toArray(String[]::new),
                    kinds(draft.kinds().orElse(Arrays.asList(GeometryKind.values()))),
                    Choices.wire(draft.stage().orElse(Stage.THINK)), draft.open().orElse(true),
                    draft.premoderation().orElse(false), adminId,
                    Choices.wire(draft.language().orElse(Language.NL)),
                    draft.metricCrs().map(MetricCrs::srid)).orElseThrow();
            writeSchedule(c, id, draft.schedule().orElse(Map.of()));
            return feature(c, id).orElseThrow();
        });
    }

    public String update(long id, Draft draft) {
        return Sql.transaction(dataSource, c -> {
            if (draft.metricCrs().isPresent()) {
                requireMetric(c, draft.metricCrs().get());
            }
            // A new CRS or area changes every analysis of the project: the new analysis version makes
            // every cached result of the project one that is never asked for again.
            Sql.update(c, """
                    INSERT INTO analysis_versions AS v (project_id, proposals)
                    SELECT id, 1 FROM projects
                     WHERE id = ? AND (metric_srid <> coalesce(?, metric_srid)
                                       OR NOT ST_Equals(area, coalesce(ST_Multi(ST_GeomFromWKB(?, 4326)), area)))
                    ON CONFLICT (project_id) DO UPDATE SET proposals = v.proposals + 1""",
                    id, draft.metricCrs().map(MetricCrs::srid), draft.area().map(ProjectStore::wkb));
            int changed = Sql.update(c, """
                    UPDATE projects SET title = coalesce(?, title), summary = coalesce(?, summary),
                           area = coalesce(ST_Multi(ST_GeomFromWKB(?, 4326)), area),
                           categories = coalesce(?, categories), geometry_kinds = coalesce(?, geometry_kinds),
                           stage = coalesce(?, stage), open = coalesce(?, open),
                           premoderation = coalesce(?, premoderation), language = coalesce(?, language),
                           metric_srid = coalesce(?, metric_srid), updated_at = now()
                     WHERE id = ?""",
                    draft.title(), draft.summary(), draft.area().map(ProjectStore::wkb),
                    draft.categories().map(l -> l.toArray(String[]::new)), draft.kinds().map(ProjectStore::kinds),
                    draft.stage().map(Choices::wire), draft.open(), draft.premoderation(),
                    draft.language().map(Choices::wire), draft.metricCrs().map(MetricCrs::srid), id);
            if (changed == 0) {
                throw ApiError.notFound("Project " + id);
            }
            if (draft.schedule().isPresent()) {
                writeSchedule(c, id, draft.schedule().get());
            }
            return feature(c, id).orElseThrow();
        });
    }

    /** The rules proposals in a project are checked against; a missing project is a 404. */
    public ProjectRules rules(long id) {
        return Sql.read(dataSource, c -> Sql.one(c, """
                SELECT open, premoderation, geometry_kinds, categories, ST_AsBinary(area)
                  FROM projects WHERE id = ?""", rs -> {
            Geometry area = readWkb(rs.getBytes(5));
            var kinds = Arrays.stream((String[]) rs.getArray(3).getArray())
                    .map(k -> Choices.parse("geometryKinds", k, GeometryKind.class))
                    .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(GeometryKind.class)));
            return new ProjectRules(id, rs.getBoolean(1), rs.getBoolean(2), kinds,
                    List.of((String[]) rs.getArray(4).getArray()), area, PreparedGeometryFactory.prepare(area));
        }, id)).orElseThrow(() -> ApiError.notFound("Project " + id));
    }

    private static void writeSchedule(Connection c, long id, Map<Stage, LocalDate[]> schedule) throws SQLException {
        Sql.update(c, "DELETE FROM project_stages WHERE project_id = ?", id);
        var all = new EnumMap<Stage, LocalDate[]>(Stage.class);
        all.putAll(schedule);
        for (var entry : all.entrySet()) {
            LocalDate[] dates = entry.getValue();
            Sql.update(c, "INSERT INTO project_stages (project_id, stage, starts_on, ends_on) VALUES (?, ?, ?, ?)",
                    id, Choices.wire(entry.getKey()), dates[0] == null ? null : Date.valueOf(dates[0]),
                    dates[1] == null ? null : Date.valueOf(dates[1]));
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
