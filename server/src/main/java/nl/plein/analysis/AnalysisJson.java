package nl.plein.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.plein.http.Choices;

/** Pieces of JSON every spatial analysis answers with. */
public final class AnalysisJson {
    private AnalysisJson() {
    }

    /** The contributions analysed and the filters used, null where not filtered on. */
    public static void selection(ObjectNode parameters, Selection s) {
        parameters.put(Selection.CONTRIBUTIONS, Choices.wire(s.contributions()))
                .put("category", s.category())
                .put("status", s.status() == null ? null : Choices.wire(s.status()))
                .put("from", s.from() == null ? null : s.from().toString())
                .put("to", s.to() == null ? null : s.to().toString())
                .put(Selection.LOCATIONS, Choices.wire(s.locations()));
    }

    /**
     * How the selected contributions sit ({@link Selection.Stacking}), as {@code counts} shows them:
     * {@code sharedProposals} at {@code sharedLocations} locations that hold more than one,
     * {@code repeatsLeftOut} of them left out by {@code locations=once}, and {@code wholeArea} left
     * out for being about no particular place. Counts of proposals follow the small-count rule; a
     * number of locations says nothing about people.
     */
    public static void locations(ObjectNode out, Selection.Stacking s, Counts counts) {
        var node = out.putObject("locations");
        node.put("counted", Choices.wire(s.locations()));
        counts.put(node, "sharedProposals", s.sharedProposals());
        node.put("sharedLocations", s.sharedLocations());
        counts.put(node, "repeatsLeftOut", s.repeatsLeftOut());
        counts.put(node, "wholeArea", s.wholeArea());
    }

    /** The sentence a method text adds about shared locations and proposals without a place. */
    public static String locationsMethod(Selection.Locations locations) {
        return "Proposals about the whole area (no particular place) are left out; "
                + (locations == Selection.Locations.ONCE
                ? "proposals sharing one location (the same point to the millimetre) count once (locations=once)."
                : "proposals sharing one location (the same point to the millimetre) each count"
                        + " (locations=once counts each location once).");
    }
}
