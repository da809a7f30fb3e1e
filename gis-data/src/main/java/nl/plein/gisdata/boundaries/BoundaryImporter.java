package nl.plein.gisdata.boundaries;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes a boundary source as a new boundary set, or (the default) only reports what it would
 * write. A set is identified by name and year and is never overwritten: the same file again into
 * the same set changes nothing, a different one is refused. PostGIS transforms to EPSG:4326 and
 * repairs invalid geometry (ST_MakeValid, polygonal parts only, as MultiPolygon).
 */
public final class BoundaryImporter {
    private static final int BATCH = 500;

    private static final String INSERT_AREA = """
            INSERT INTO areas (area_set_id, code, name, population, parent_code, geom)
            SELECT ?, ?, ?, ?, ?, CASE WHEN ST_IsValid(g) THEN ST_Multi(g)
                                       ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) END
              FROM (SELECT ST_Transform(ST_SetSRID(ST_GeomFromWKB(?), ?), 4326) AS g) AS source
            """;

    private final Consumer<String> progress;

    public BoundaryImporter(Consumer<String> progress) {
        this.progress = progress;
    }

    public ImportReport run(Connection c, BoundarySource source, ImportOptions options, String sourceName)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            ImportReport report = importInTransaction(c, source, options, sourceName);
            if (report.committed()) {
                c.commit();
            } else {
                c.rollback();
            }
            return report;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private ImportReport importInTransaction(Connection c, BoundarySource source, ImportOptions options,
                                             String sourceName) throws SQLException {
        List<BoundaryFeature> features = source.features();
        List<String> repaired = source.needingRepair().stream()
                .map(f -> f.code() + " (" + f.needsRepair() + ")").toList();
        Optional<String[]> existing = findSet(c, options.setName(), options.year());
        if (existing.isPresent()) {
            if (source.sha256().equals(existing.get()[1])) {
                return report(source, options, false, true, Long.parseLong(existing.get()[0]), repaired, 0, 0);
            }
            throw new ImportException("Boundary set '" + options.setName() + "'"
                    + (options.year() == null ? "" : " (" + options.year() + ")")
                    + " already exists from a different source. Sets are never overwritten: choose another "
                    + options.names().year() + " or " + options.names().setName() + ".", options.names().setName());
        }
        Long parentSet = null;
        if (options.parentSet() != null) {
            parentSet = findSet(c, options.parentSet(), options.parentYear()).map(r -> Long.parseLong(r[0]))
                    .orElseThrow(() -> new ImportException("No boundary set '" + options.parentSet() + "'"
                            + (options.parentYear() == null ? "" : " (" + options.parentYear() + ")")
                            + " to link parents to"));
        }
        if (!options.commit()) {
            int linked = parentSet == null ? 0 : countParents(c, parentSet, features);
            int withParent = parentSet == null ? 0 : (int) features.stream().filter(f -> f.parentCode() != null).count();
            return report(source, options, false, false, 0, repaired, linked, withParent - linked);
        }
        long setId = insertSet(c, source, options, sourceName);
        insertAreas(c, setId, source);
        // Analysis measures distances in metres: the source's CRS when it is metric, else a UTM zone.
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE area_sets SET metric_srid = metric_srid(?,
                       (SELECT ST_Centroid(ST_Extent(a.geom)) FROM areas a WHERE a.area_set_id = ?))
                 WHERE id = ?""")) {
            st.setInt(1, source.srid());
            st.setLong(2, setId);
            st.setLong(3, setId);
            st.executeUpdate();
        }
        int linked = 0;
        int missing = 0;
        if (parentSet != null) {
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE areas a SET parent_id = p.id FROM areas p
                     WHERE a.area_set_id = ? AND p.area_set_id = ? AND p.code = a.parent_code""")) {
                st.setLong(1, setId);
                st.setLong(2, parentSet);
                linked = st.executeUpdate();
            }
            missing = (int) features.stream().filter(f -> f.parentCode() != null).count() - linked;
        }
        return report(source, options, true, false, setId, repaired, linked, missing);
    }

    private static ImportReport report(BoundarySource source, ImportOptions options, boolean committed,
                                       boolean unchanged, long setId, List<String> repaired, int linked, int missing) {
        FieldMapping m = source.mapping();
        String mapping = "code " + m.code() + ", name " + m.name() + ", population " + m.population()
                + (m.parent() == null ? "" : ", parent " + m.parent());
        return new ImportReport(options.setName(), options.year(), m.level(), committed, unchanged, setId,
                source.features().size(), source.populationTotal(), source.unknownPopulation(), repaired,
                source.srid(), source.crsFrom(), mapping, linked, missing);
    }

    /** The set's id and source fingerprint, as text. */
    private static Optional<String[]> findSet(Connection c, String name, Integer year) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id, source_sha256 FROM area_sets WHERE name = ? AND year IS NOT DISTINCT FROM ?")) {
            st.setString(1, name);
            st.setObject(2, year, Types.INTEGER);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    private static int countParents(Connection c, long parentSet, List<BoundaryFeature> features) throws SQLException {
        String[] codes = features.stream().map(BoundaryFeature::parentCode).filter(p -> p != null).toArray(String[]::new);
        Array array = c.createArrayOf("text", codes);
        try (PreparedStatement st = c.prepareStatement("""
                SELECT count(*) FROM unnest(?::text[]) AS wanted(code)
                 WHERE EXISTS (SELECT 1 FROM areas p WHERE p.area_set_id = ? AND p.code = wanted.code)""")) {
            st.setArray(1, array);
            st.setLong(2, parentSet);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long insertSet(Connection c, BoundarySource source, ImportOptions options, String sourceName)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO area_sets (name, kind, source, year, source_crs, source_sha256)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")) {
            st.setString(1, options.setName());
            st.setString(2, source.mapping().level().key());
            st.setString(3, sourceName);
            st.setObject(4, options.year(), Types.INTEGER);
            st.setString(5, "EPSG:" + source.srid());
            st.setString(6, source.sha256());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void insertAreas(Connection c, long setId, BoundarySource source) throws SQLException {
        WKBWriter wkb = new WKBWriter();
        List<BoundaryFeature> features = source.features();
        try (PreparedStatement st = c.prepareStatement(INSERT_AREA)) {
            for (int i = 0; i < features.size(); i++) {
                BoundaryFeature f = features.get(i);
                st.setLong(1, setId);
                st.setString(2, f.code());
                st.setString(3, f.name());
                st.setObject(4, f.population(), Types.INTEGER);
                st.setString(5, f.parentCode());
                st.setBytes(6, wkb.write(f.geometry()));
                st.setInt(7, source.srid());
                st.addBatch();
                if ((i + 1) % BATCH == 0 || i + 1 == features.size()) {
                    st.executeBatch();
                    if (features.size() > BATCH) {
                        progress.accept("wrote " + (i + 1) + " of " + features.size() + " areas");
                    }
                }
            }
        }
    }
}
