package nl.plein.clusters;

import java.util.ArrayList;
import java.util.List;
import nl.plein.analysis.Selection;
import nl.plein.http.Query;
import nl.plein.projects.ProjectRules;

/**
 * What to cluster: the selected proposals and DBSCAN's parameters (METHODS.md §5); a null eps is
 * chosen from the proposals ({@link DefaultEps}).
 */
public record ClusterParameters(Double eps, int minPoints, Selection selection) implements Selection.Reads {
    /** Default of METHODS.md §5; eps has none fixed: it is chosen from the proposals ({@link DefaultEps}). */
    public static final int DEFAULT_MIN_POINTS = 5;
    /** Beyond a few kilometres, "a cluster" is most of a city: refused rather than computed. */
    public static final double MAX_EPS = 5000;
    public static final int MAX_MIN_POINTS = 1000;

    /** The query parameters that shape the clusters themselves, as every reader of clusters takes them. */
    public static final List<String> PARAMETERS = List.of("eps", "minPoints", Selection.LOCATIONS);

    /** Every query parameter {@link #from} reads: those of the clusters and the selection's filters. */
    public static final List<String> QUERY = queryNames();

    private static List<String> queryNames() {
        var names = new ArrayList<>(List.of("eps", "minPoints"));
        names.addAll(Selection.PARAMETERS);
        return List.copyOf(names);
    }

    /** The clusters a request asks for: the selection's filters (checked against the project), eps and minPoints. */
    public static ClusterParameters from(Query query, ProjectRules rules) {
        return of(query, Selection.from(query, rules));
    }

    /** The clusters of every proposal anyone sees, shaped by the query's eps, minPoints and locations. */
    public static ClusterParameters unfiltered(Query query) {
        return of(query, Selection.unfiltered(query));
    }

    private static ClusterParameters of(Query query, Selection selection) {
        Double eps = query.number("eps", 0, true, MAX_EPS).orElse(null);
        int minPoints = query.integer("minPoints", DEFAULT_MIN_POINTS, 1, MAX_MIN_POINTS);
        return new ClusterParameters(eps, minPoints, selection);
    }
}
