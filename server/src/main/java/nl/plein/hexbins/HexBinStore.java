package nl.plein.hexbins;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.ProposalSelection;
import nl.plein.http.Json;

/**
 * The hexagons as the hot-spot code not yet moved to {@link HexBins} reads them: kept, deprecated,
 * until it runs {@link HexBins} through {@link Analyses} itself. The figures are those of
 * {@link HexBins}, from the same cache.
 */
@Deprecated
public final class HexBinStore {
    /** One hexagon: its grid index, outline (GeoJSON, WGS 84) and centre in the metric CRS. */
    public record Cell(long i, long j, JsonNode outline, double x, double y, long proposals) {
    }

    /** The cells, the proposals counted and those outside every cell (beyond the project's area). */
    public record Result(List<Cell> cells, double size, long proposals, long outside, int srid, long version,
            ProposalSelection.Stacking stacking) {
    }

    private final Analyses analyses;
    private final HexBins hexBins;

    public HexBinStore(Analyses analyses, HexBins hexBins) {
        this.analyses = analyses;
        this.hexBins = hexBins;
    }

    public Result bins(long projectId, double size, ProposalSelection selection) {
        var r = analyses.run(hexBins, projectId, new HexBinParameters(size, selection.toSelection()));
        var cells = r.cells().stream().map(c -> new Cell(c.i(), c.j(),
                Json.parse(c.outline().getBytes(StandardCharsets.UTF_8)), c.x(), c.y(), c.proposals())).toList();
        return new Result(cells, r.size(), r.proposals(), r.outside(), r.srid(), r.version(),
                ProposalSelection.Stacking.of(r.stacking()));
    }

    /** {@link HexBins#smallestSize}. */
    public double smallestSize(long projectId) {
        return hexBins.smallestSize(projectId);
    }

    /** {@link HexBins#defaultSize(long)}. */
    public double defaultSize(long projectId) {
        return hexBins.defaultSize(projectId);
    }
}
