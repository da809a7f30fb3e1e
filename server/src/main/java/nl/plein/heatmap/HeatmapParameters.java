package nl.plein.heatmap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.plein.analysis.Selection;
import nl.plein.http.Query;
import nl.plein.projects.ProjectRules;

/**
 * What a heatmap is drawn of and how: the selected proposals, the bandwidth and the cell size in
 * metres (null: the defaults of {@link KernelDensity}).
 */
public record HeatmapParameters(Double bandwidth, Double cellSize, Selection selection) implements Selection.Reads {
    public static final double MAX_BANDWIDTH = 10_000;
    public static final double MAX_CELL_SIZE = 10_000;

    /** Every query parameter {@link #from} reads. */
    public static final List<String> QUERY = queryNames();

    private static List<String> queryNames() {
        var names = new ArrayList<>(List.of("bandwidth", "cellSize"));
        names.addAll(Selection.PARAMETERS);
        return List.copyOf(names);
    }

    /** The heatmap a request asks for: bandwidth, cell size and the selection's filters (checked against the project). */
    /** Reads the query; the project's rules are looked up only once its own values are valid, as before. */
    public static HeatmapParameters from(Query query, Supplier<ProjectRules> rules) {
        Double bandwidth = query.number("bandwidth", 0, true, MAX_BANDWIDTH).orElse(null);
        Double cellSize = query.number("cellSize", 0, true, MAX_CELL_SIZE).orElse(null);
        return new HeatmapParameters(bandwidth, cellSize, Selection.from(query, rules.get()));
    }
}
