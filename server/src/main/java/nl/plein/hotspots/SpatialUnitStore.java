package nl.plein.hotspots;

import java.util.List;
import java.util.Map;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.AnalysisCache;
import nl.plein.analysis.Selection;
import nl.plein.db.Jdbis;
import nl.plein.hexbins.HexBinParameters;
import nl.plein.hexbins.HexBins;
import nl.plein.http.ApiError;

/**
 * Reads the units of {@link UnitsAndWeights}: hexagons from the hexagon bins, or the areas of a
 * boundary set with the selected proposals placed in each and their queen contiguity. A set's areas
 * never change once loaded, so its contiguity is computed once and kept here (per database: set
 * ids repeat across databases).
 */
public final class SpatialUnitStore {
    private static final String SET_EXISTS = Jdbis.sql(SpatialUnitStore.class, "area-set-exists.sql");
    /** The areas with the proposals analysed, read where it says {@code <placed>} ({@link Selection#bind}). */
    private static final String AREA_UNITS = Jdbis.sql(SpatialUnitStore.class, "area-units.sql");

    private final HexBins hexBins;
    private final AnalysisCache<Map<Long, long[]>> queens = new AnalysisCache<>(16);

    public SpatialUnitStore(HexBins hexBins) {
        this.hexBins = hexBins;
    }

    double defaultSize(long projectId) {
        return hexBins.defaultSize(projectId);
    }

    /** The units, refused (400) when there are too few for the statistics. */
    SpatialUnits read(Analyses.Run run, UnitsAndWeights u) {
        var units = readAll(run, u);
        u.check(units);
        return units;
    }

    /** The units, however few. */
    SpatialUnits readAll(Analyses.Run run, UnitsAndWeights u) {
        return u.unit() == UnitsAndWeights.Unit.HEXAGONS
                ? SpatialUnits.hexagons(hexBins.compute(run, new HexBinParameters(u.size(), u.selection())))
                : areas(run, u.set(), u.selection());
    }

    private SpatialUnits areas(Analyses.Run run, long setId, Selection selection) {
        var h = run.handle();
        if (h.createQuery(SET_EXISTS).bind("set", setId).mapTo(Boolean.class).findOne().isEmpty()) {
            throw ApiError.invalid("set", "there is no boundary set " + setId);
        }
        var stacking = selection.stacking(run);
        var query = selection.bind(h.createQuery(AREA_UNITS), run).bind("set", setId);
        record Row(long id, String code, String name, double x, double y, double km2, long proposals, String outline) {
        }
        List<Row> rows = query.map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getDouble("x"), rs.getDouble("y"), rs.getDouble("km2"), rs.getLong("proposals"),
                rs.getString("outline"))).list();
        Map<Long, long[]> queen = queens.get(new AnalysisCache.Key("queen", 0, run.srid(), setId, ""),
                () -> QueenContiguity.of(h, setId));
        int n = rows.size();
        var units = SpatialUnits.empty(n, queen, run.srid(), run.scope().version(), stacking);
        for (int k = 0; k < n; k++) {
            var r = rows.get(k);
            units.ids()[k] = r.id();
            units.labels()[k] = Long.toString(r.id());
            units.codes()[k] = r.code();
            units.names()[k] = r.name();
            units.x()[k] = r.x();
            units.y()[k] = r.y();
            units.km2()[k] = r.km2();
            units.proposals()[k] = r.proposals();
            units.outlines()[k] = r.outline();
        }
        return units;
    }
}
