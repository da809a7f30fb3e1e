package nl.plein.presentations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.plein.clusters.ClusterParameters;
import nl.plein.hexbins.HexBins;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import nl.plein.http.Fields;
import nl.plein.http.Json;
import nl.plein.proposals.Status;

/**
 * A saved map view, as one slide shows it: the extent (WGS 84), whether a basemap is drawn, and
 * the analysis layers with their parameters. Parsing is strict, like every request body: unknown
 * members and out-of-range values are refused with the field's full path
 * ({@code view.layers.clusters.eps}). Whether chosen proposals and the boundary set exist is
 * checked against the database by {@link PresentationStore#requireReferences}.
 *
 * <p>Limits are those of the endpoints the projector draws from, so a saved view never asks an
 * analysis for what it would refuse.
 */
public record MapView(double[] bbox, boolean basemap, Optional<ProposalsLayer> proposals,
                      Optional<ChosenLayer> chosen, Optional<ClustersLayer> clusters,
                      Optional<HotspotsLayer> hotspots, Optional<ParticipationLayer> participation,
                      Optional<VoteLayer> vote) {

    public static final String[] LAYERS = {"proposals", "chosen", "clusters", "hotspots", "participation", "vote"};
    public static final int MAX_CHOSEN = 50;

    /** Proposals drawn by status; submitted ones are for staff only, and slides are public. */
    public record ProposalsLayer(List<Status> statuses) {
    }

    /** Proposals the planner highlights, with their variants when {@code variants}. */
    public record ChosenLayer(List<Long> proposalIds, boolean variants) {
    }

    /** DBSCAN clusters; a null eps is the project's default, chosen when the slide is shown. */
    public record ClustersLayer(Double eps, int minPoints) {
    }

    /** Gi* hot spots on hexagons of {@code size} metres; null is the project's default size. */
    public record HotspotsLayer(Double size) {
    }

    /** The choropleth of participants per 1,000 residents over the areas of boundary set {@code set}. */
    public record ParticipationLayer(long set) {
    }

    /**
     * The items a budget vote funds (after it is counted), coloured by pot: the projector draws them
     * from the vote's public results map ({@code GET /api/votes/{id}/results/items}).
     */
    public record VoteLayer(long voteId) {
    }

    /** Reads a view from {@code node}, naming fields under {@code prefix} (e.g. {@code view}). */
    public static MapView parse(JsonNode node, String prefix) {
        Fields view = Fields.at(node, prefix, "bbox", "basemap", "layers");
        double[] bbox = bbox(view);
        boolean basemap = view.optionalBoolean("basemap").orElse(false);
        JsonNode layersNode = view.raw("layers").filter(n -> !n.isNull())
                .orElseThrow(() -> ApiError.invalid(view.path("layers"), "is required"));
        Fields layers = Fields.at(layersNode, view.path("layers"), LAYERS);
        if (!layersNode.fieldNames().hasNext()) {
            throw ApiError.invalid(view.path("layers"), "choose at least one layer: " + String.join(", ", LAYERS));
        }
        return new MapView(bbox, basemap,
                layer(layers, "proposals", MapView::proposals, "statuses"),
                layer(layers, "chosen", MapView::chosen, "proposalIds", "variants"),
                layer(layers, "clusters", f -> new ClustersLayer(
                        f.optionalNumber("eps", 0, true, ClusterParameters.MAX_EPS).orElse(null),
                        f.optionalInteger("minPoints", 1, ClusterParameters.MAX_MIN_POINTS)
                                .orElse(ClusterParameters.DEFAULT_MIN_POINTS)), "eps", "minPoints"),
                layer(layers, "hotspots", f -> new HotspotsLayer(
                        f.optionalNumber("size", 1, false, HexBins.MAX_SIZE).orElse(null)),
                        "size"),
                layer(layers, "participation", f -> new ParticipationLayer(f.id("set")), "set"),
                layer(layers, "vote", f -> new VoteLayer(f.id("voteId")), "voteId"));
    }

    private static <T> Optional<T> layer(Fields layers, String name, Function<Fields, T> reader, String... allowed) {
        if (!layers.has(name)) {
            return Optional.empty();
        }
        return Optional.of(reader.apply(layers.object(name, allowed)));
    }

    private static double[] bbox(Fields view) {
        String field = view.path("bbox");
        JsonNode node = view.raw("bbox").filter(n -> !n.isNull())
                .orElseThrow(() -> ApiError.invalid(field, "is required"));
        if (!node.isArray() || node.size() != 4) {
            throw ApiError.invalid(field, "must be an array of four numbers [minLon, minLat, maxLon, maxLat]");
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            JsonNode value = node.get(i);
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                throw ApiError.invalid(field + "[" + i + "]", "must be a number, not " + Fields.describe(value));
            }
            box[i] = value.doubleValue();
            double limit = i % 2 == 0 ? 180 : 90;
            if (Math.abs(box[i]) > limit) {
                throw ApiError.invalid(field + "[" + i + "]", (i % 2 == 0 ? "a longitude" : "a latitude")
                        + " must lie in [-" + (int) limit + ", " + (int) limit + "], not " + value);
            }
        }
        if (box[0] >= box[2] || box[1] >= box[3]) {
            throw ApiError.invalid(field, "the minimum must be less than the maximum, in both directions");
        }
        return box;
    }

    private static ProposalsLayer proposals(Fields f) {
        String field = f.path("statuses");
        var statuses = new ArrayList<Status>();
        var texts = f.optionalTextList("statuses", Status.values().length, 32);
        if (texts.isEmpty()) {
            for (Status s : Status.values()) {
                if (s != Status.SUBMITTED) {
                    statuses.add(s);
                }
            }
            return new ProposalsLayer(statuses);
        }
        if (texts.get().isEmpty()) {
            throw ApiError.invalid(field, "choose at least one status, or leave the field out for all");
        }
        for (int i = 0; i < texts.get().size(); i++) {
            Status status = Choices.parse(field + "[" + i + "]", texts.get().get(i), Status.class);
            if (status == Status.SUBMITTED) {
                throw ApiError.invalid(field + "[" + i + "]", "submitted proposals are seen by staff only, "
                        + "and slides are public");
            }
            statuses.add(status);
        }
        return new ProposalsLayer(statuses);
    }

    private static ChosenLayer chosen(Fields f) {
        List<Long> ids = f.optionalIdList("proposalIds", MAX_CHOSEN)
                .orElseThrow(() -> ApiError.invalid(f.path("proposalIds"), "is required"));
        if (ids.isEmpty()) {
            throw ApiError.invalid(f.path("proposalIds"), "choose at least one proposal");
        }
        return new ChosenLayer(List.copyOf(ids), f.optionalBoolean("variants").orElse(false));
    }

    /**
     * The view as stored and sent: every default written out, so it reads the same later, except
     * eps and the hexagons' size, which when not chosen are absent: the project's defaults then
     * follow its proposals and size, as on the analysis page.
     */
    public ObjectNode toJson() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        var box = out.putArray("bbox");
        for (double v : bbox) {
            box.add(v);
        }
        out.put("basemap", basemap);
        ObjectNode layers = out.putObject("layers");
        proposals.ifPresent(p -> {
            var statuses = layers.putObject("proposals").putArray("statuses");
            p.statuses().forEach(s -> statuses.add(Choices.wire(s)));
        });
        chosen.ifPresent(c -> {
            var node = layers.putObject("chosen");
            var ids = node.putArray("proposalIds");
            c.proposalIds().forEach(ids::add);
            node.put("variants", c.variants());
        });
        clusters.ifPresent(c -> {
            var node = layers.putObject("clusters");
            if (c.eps() != null) {
                node.put("eps", c.eps());
            }
            node.put("minPoints", c.minPoints());
        });
        hotspots.ifPresent(h -> {
            var node = layers.putObject("hotspots");
            if (h.size() != null) {
                node.put("size", h.size());
            }
        });
        participation.ifPresent(p -> layers.putObject("participation").put("set", p.set()));
        vote.ifPresent(v -> layers.putObject("vote").put("voteId", v.voteId()));
        return out;
    }
}
