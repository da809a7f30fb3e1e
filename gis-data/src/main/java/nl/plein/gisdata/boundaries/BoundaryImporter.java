package nl.plein.gisdata.boundaries;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.plein.gisdata.Jdbc;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes a boundary source as a new boundary set, or (the default) only reports what it would
 * write. A set is identified by name and year and is never overwritten: the same file again into
 * the same set changes nothing, a different one is refused. PostGIS transforms to EPSG:4326 and
 * repairs invalid geometry (ST_MakeValid, polygonal parts only, as MultiPolygon).
 */
public final class BoundaryImporter {
    private static final int BATCH = 500;

    private static final String INSERT_AREA = Jdbc.sql(BoundaryImporter.class, "insert-area.sql");
    private static final String METRIC_SRID = Jdbc.sql(BoundaryImporter.class, "metric-srid.sql");
    private static final String LINK_PARENTS = Jdbc.sql(BoundaryImporter.class, "link-parents.sql");
    private static final String FIND_SET = Jdbc.sql(BoundaryImporter.class, "find-set.sql");
    private static final String COUNT_PARENTS = Jdbc.sql(BoundaryImporter.class, "count-parents.sql");
    private static final String INSERT_SET = Jdbc.sql(BoundaryImporter.class, "insert-set.sql");

    private final Consumer<String> progress;

    public BoundaryImporter(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * Imports in a transaction of its own on the handle: committed when the options say commit and
     * the set is new, else rolled back, so a dry run leaves nothing behind.
     */
    public ImportReport run(Handle h, BoundarySource source, ImportOptions options, String sourceName) {
        h.begin();
        try {
            ImportReport report = importInTransaction(h, source, options, sourceName);
            if (report.committed()) {
                h.commit();
            } else {
                h.rollback();
            }
            return report;
        } catch (RuntimeException e) {
            h.rollback();
            throw e;
        }
    }

    private ImportReport importInTransaction(Handle h, BoundarySource source, ImportOptions options,
                                             String sourceName) {
        List<BoundaryFeature> features = source.features();
        List<String> repaired = source.needingRepair().stream()
                .map(f -> f.code() + " (" + f.needsRepair() + ")").toList();
        Optional<String[]> existing = findSet(h, options.setName(), options.year());
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
            parentSet = findSet(h, options.parentSet(), options.parentYear()).map(r -> Long.parseLong(r[0]))
                    .orElseThrow(() -> new ImportException("No boundary set '" + options.parentSet() + "'"
                            + (options.parentYear() == null ? "" : " (" + options.parentYear() + ")")
                            + " to link parents to"));
        }
        if (!options.commit()) {
            int linked = parentSet == null ? 0 : countParents(h, parentSet, features);
            int withParent = parentSet == null ? 0 : (int) features.stream().filter(f -> f.parentCode() != null).count();
            return report(source, options, false, false, 0, repaired, linked, withParent - linked);
        }
        long setId = insertSet(h, source, options, sourceName);
        insertAreas(h, setId, source);
        h.createUpdate(METRIC_SRID).bind("srid", source.srid()).bind("set", setId).execute();
        int linked = 0;
        int missing = 0;
        if (parentSet != null) {
            linked = h.createUpdate(LINK_PARENTS).bind("set", setId).bind("parentSet", parentSet).execute();
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
    private static Optional<String[]> findSet(Handle h, String name, Integer year) {
        return h.createQuery(FIND_SET).bind("name", name).bind("year", year)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findFirst();
    }

    private static int countParents(Handle h, long parentSet, List<BoundaryFeature> features) {
        String[] codes = features.stream().map(BoundaryFeature::parentCode).filter(p -> p != null).toArray(String[]::new);
        return h.createQuery(COUNT_PARENTS).bind("codes", codes).bind("parentSet", parentSet)
                .mapTo(Integer.class).one();
    }

    private static long insertSet(Handle h, BoundarySource source, ImportOptions options, String sourceName) {
        return h.createQuery(INSERT_SET).bind("name", options.setName()).bind("kind", source.mapping().level().key())
                .bind("source", sourceName).bind("year", options.year()).bind("crs", "EPSG:" + source.srid())
                .bind("sha256", source.sha256()).mapTo(Long.class).one();
    }

    /** The areas in batches of {@link #BATCH} rows, telling progress after each when there are more. */
    private void insertAreas(Handle h, long setId, BoundarySource source) {
        WKBWriter wkb = new WKBWriter();
        List<BoundaryFeature> features = source.features();
        for (int from = 0; from < features.size(); from += BATCH) {
            int to = Math.min(from + BATCH, features.size());
            // A batch runs once: Jdbi closes it when it has run.
            PreparedBatch batch = h.prepareBatch(INSERT_AREA);
            for (BoundaryFeature f : features.subList(from, to)) {
                batch.bind("set", setId).bind("code", f.code()).bind("name", f.name())
                        .bind("population", f.population()).bind("parent", f.parentCode())
                        .bind("wkb", wkb.write(f.geometry())).bind("srid", source.srid()).add();
            }
            batch.execute();
            if (features.size() > BATCH) {
                progress.accept("wrote " + to + " of " + features.size() + " areas");
            }
        }
    }
}
