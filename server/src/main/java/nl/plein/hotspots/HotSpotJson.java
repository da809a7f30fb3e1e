package nl.plein.hotspots;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.Locale;
import nl.plein.analysis.AnalysisJson;
import nl.plein.analysis.Counts;
import nl.plein.hexbins.HexGrid;
import nl.plein.http.Json;

/**
 * Gi* and Moran results as GeoJSON feature collections: the parameters, islands and units, and a
 * feature per unit (its outline as PostGIS wrote it) with its count as the reader may see it.
 */
final class HotSpotJson {
    private HotSpotJson() {
    }

    static ObjectNode hotSpots(HotSpots.Parameters p, HotSpots.Result r, Counts counts) {
        var out = collection(p.units(), r.units(), r.weights(), r.band(), counts);
        giFeatures(out.putArray("features"), p.units(), r, counts);
        return out;
    }

    /** A feature per unit with its count and Gi* statistics; a null {@code gi} gives none, class 0. */
    static void giFeatures(ArrayNode features, UnitsAndWeights p, HotSpots.Result r, Counts counts) {
        var u = r.units();
        var gi = r.gi();
        // The results hand out copies of their arrays: take each once, not once per unit.
        int[] classes = gi == null ? new int[u.size()] : gi.classes();
        double[] z = gi == null ? null : gi.z();
        double[] pValue = gi == null ? null : gi.p();
        double[] pAdjusted = gi == null ? null : gi.pAdjusted();
        double[] permutationP = gi == null ? null : gi.permutationP();
        double[] permutationPAdjusted = gi == null ? null : gi.permutationPAdjusted();
        for (int i = 0; i < u.size(); i++) {
            var props = feature(features, u, i);
            counts.put(props, "proposals", u.proposals()[i]);
            if (gi == null) {
                props.putNull("z").putNull("p").putNull("pAdjusted");
            } else {
                props.put("z", z[i]).put("p", pValue[i]).put("pAdjusted", pAdjusted[i]);
            }
            props.put("class", classes[i]);
            if (p.permutations() > 0) {
                props.put("permutationP", permutationP[i]).put("permutationPAdjusted", permutationPAdjusted[i]);
            }
        }
    }

    static ObjectNode moran(Moran.Parameters p, Moran.Result r, Counts counts) {
        var u = r.units();
        int permutations = p.units().permutations();
        var out = collection(p.units(), u, r.weights(), r.band(), counts);
        var global = r.global();
        out.putObject("global").put("i", global.i()).put("expected", global.expected())
                .put("variance", global.variance()).put("z", global.z()).put("p", global.p())
                .put("permutationP", permutations > 0 ? global.permutationP() : null)
                .put("units", global.n());
        var local = r.local();
        var clusters = local.clusters(p.alpha(), permutations > 0 ? PValue.PERMUTATION : PValue.ANALYTIC);
        var features = out.putArray("features");
        // The results hand out copies of their arrays: take each once, not once per unit.
        double[] localI = local.local();
        double[] z = local.zScore();
        double[] pValue = permutations > 0 ? local.permutationP() : local.p();
        double[] pAdjusted = permutations > 0 ? local.permutationPAdjusted() : local.pAdjusted();
        double[] values = r.values();
        for (int i = 0, m = 0; i < u.size(); i++) {
            var props = feature(features, u, i);
            counts.put(props, "proposals", u.proposals()[i]);
            if (!r.keep()[i]) {
                props.putNull("value");
                props.put("cluster", "UNKNOWN");
                continue;
            }
            long basis = r.basis()[i];
            if (counts.raw() || basis == 0 || basis >= counts.rule().threshold()) {
                props.put("value", values[m]);
            } else {
                props.putNull("value");
                props.put("valueHidden", true);
            }
            props.put("localI", localI[m]).put("z", z[m]).put("p", pValue[m]).put("pAdjusted", pAdjusted[m])
                    .put("cluster", clusters[m].name());
            m++;
        }
        ((ObjectNode) out.get("parameters")).put("measure", p.measure().name().toLowerCase(Locale.ROOT))
                .put("alpha", p.alpha());
        return out;
    }

    private static ObjectNode collection(UnitsAndWeights p, SpatialUnits u, SpatialWeights w, Double band,
            Counts counts) {
        var out = Json.MAPPER.createObjectNode();
        out.put("type", "FeatureCollection");
        var params = out.putObject("parameters");
        params.put("unit", p.unit().name().toLowerCase(Locale.ROOT));
        if (p.unit() == UnitsAndWeights.Unit.HEXAGONS) {
            params.put("size", p.size());
        } else {
            params.put("set", p.set());
        }
        params.put("weights", p.weights().name().toLowerCase(Locale.ROOT));
        if (band != null) {
            params.put("band", band);
        }
        if (p.weights() == UnitsAndWeights.Weights.KNN) {
            params.put("k", p.k());
        }
        params.put("permutations", p.permutations()).put("seed", UnitsAndWeights.SEED);
        AnalysisJson.selection(params, p.selection());
        var islands = out.putArray("islands");
        for (long id : w.islands()) {
            islands.add(p.unit() == UnitsAndWeights.Unit.HEXAGONS ? HexGrid.i(id) + "," + HexGrid.j(id)
                    : Long.toString(id));
        }
        if (p.weights() == UnitsAndWeights.Weights.KNN && w.tiedIds().length > 0) {
            out.put("knnTies", w.tiedIds().length);
        }
        out.put("units", u.size());
        AnalysisJson.locations(out, u.stacking(), counts);
        out.put("raw", counts.raw());
        return out;
    }

    /** A unit's feature: a hexagon by its "i,j", an area by its id (unique, where names repeat) with code and name. */
    private static ObjectNode feature(ArrayNode features, SpatialUnits u, int i) {
        var feature = features.addObject();
        feature.put("type", "Feature");
        if (u.names()[i] == null) {
            feature.put("id", u.labels()[i]);
        } else {
            feature.put("id", u.ids()[i]);
        }
        feature.putRawValue("geometry", new RawValue(u.outlines()[i]));
        var props = feature.putObject("properties");
        props.put("unit", u.labels()[i]);
        if (u.names()[i] != null) {
            props.put("code", u.codes()[i]).put("name", u.names()[i]);
        }
        return props;
    }
}
