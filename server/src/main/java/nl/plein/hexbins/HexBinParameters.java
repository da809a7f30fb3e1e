package nl.plein.hexbins;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.plein.analysis.Selection;
import nl.plein.http.Query;
import nl.plein.projects.ProjectRules;

/**
 * Which proposals to count per hexagon and the hexagons' edge in metres; a null size is the
 * project's default ({@link HexBins#defaultSize}).
 */
public record HexBinParameters(Double size, Selection selection) implements Selection.Reads {
    /** Every query parameter {@link #from} reads. */
    public static final List<String> QUERY = queryNames();

    private static List<String> queryNames() {
        var names = new ArrayList<>(List.of("size"));
        names.addAll(Selection.PARAMETERS);
        return List.copyOf(names);
    }

    /** The hexagons a request asks for: their size and the selection's filters (checked against the project). */
    /** Reads the query; the project's rules are looked up only once its own values are valid, as before. */
    public static HexBinParameters from(Query query, Supplier<ProjectRules> rules) {
        Double size = query.number("size", 1, false, HexBins.MAX_SIZE).orElse(null);
        return new HexBinParameters(size, Selection.from(query, rules.get()));
    }
}
