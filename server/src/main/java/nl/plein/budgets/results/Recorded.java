package nl.plein.budgets.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.plein.budgets.results.Results.PotResult;
import nl.plein.http.Json;

/**
 * For a vote imported from Pabulib: whether a rule's outcome selects exactly the projects the
 * instance records as selected, and if not, which ones differ (by their Pabulib project ids).
 */
final class Recorded {
    private Recorded() {
    }

    static ObjectNode json(List<PotResult> pots, String pabulibMeta) {
        var out = Json.MAPPER.createObjectNode();
        var meta = Json.parse(pabulibMeta.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String rule = meta.path("rule").asText("");
        if (rule.isBlank()) {
            out.putNull("recordedRule");
        } else {
            out.put("recordedRule", rule);
        }
        var onlyRecorded = out.putArray("onlyRecorded");
        var onlyComputed = out.putArray("onlyComputed");
        boolean known = true;
        for (var pot : pots) {
            for (var item : pot.items()) {
                if (item.recordedSelected() == null) {
                    known = false;
                    continue;
                }
                String id = item.externalId() == null ? Long.toString(item.itemId()) : item.externalId();
                if (item.recordedSelected() && !item.funded()) {
                    onlyRecorded.add(id);
                } else if (!item.recordedSelected() && item.funded()) {
                    onlyComputed.add(id);
                }
            }
        }
        out.put("selectionKnown", known);
        if (known) {
            out.put("reproduced", onlyRecorded.isEmpty() && onlyComputed.isEmpty());
        } else {
            out.putNull("reproduced");
        }
        return out;
    }
}
