package nl.plein.hotspots;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.Selection;
import nl.plein.hexbins.HexBins;
import nl.plein.http.Json;
import nl.plein.http.Query;

/**
 * The public hot-spot cells: Gi* over hexagons as anyone sees it, the features of the OGC API's
 * {@code hotspots-{projectId}} collections.
 */
public final class HotSpotCells {
    /** The query parameters that shape the public hot-spot cells (the hexagons' edge, how locations count). */
    public static final List<String> PARAMETERS = List.of("size", Selection.LOCATIONS);

    private final Analyses analyses;
    private final HotSpots hotSpots;
    private final SpatialUnitStore units;

    public HotSpotCells(Analyses analyses, HotSpots hotSpots, SpatialUnitStore units) {
        this.analyses = analyses;
        this.hotSpots = hotSpots;
        this.units = units;
    }

    /**
     * Gi* over hexagons of edge {@code size} (read from the query as the hot-spot route reads it) with
     * that route's defaults, every proposal anyone sees and the small-count rule, each feature with its
     * cell's key as id. Without a size, the edge is the project's default
     * ({@link HexBins#defaultSize(long)}), which grows where a project is too large for
     * the cell limit at 100 m, so that a GIS client listing every collection never meets a refusal.
     * Where Gi* has nothing to test (fewer than three cells, or the same count everywhere), the cells
     * come without z and p, in class 0.
     */
    public ArrayNode features(long projectId, Query query) {
        double size = query.number("size", 1, false, HexBins.MAX_SIZE)
                .orElseGet(() -> units.defaultSize(projectId));
        var hexagons = UnitsAndWeights.publicHexagons(size, Selection.unfiltered(query));
        var parameters = new HotSpots.Parameters(hexagons, true);
        var result = analyses.run(hotSpots, projectId, parameters);
        var features = Json.MAPPER.createArrayNode();
        HotSpotJson.giFeatures(features, hexagons, result, analyses.counts(false));
        for (int i = 0; i < result.units().size(); i++) {
            ((ObjectNode) features.get(i)).put("id", result.units().ids()[i]);
        }
        return features;
    }
}
