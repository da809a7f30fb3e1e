package nl.plein.learning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.plein.http.Json;
import nl.plein.learning.RoundStore.Round;
import nl.plein.participation.Participation.Representation;
import nl.plein.participation.PublicParticipation.PublicArea;
import nl.plein.participation.PublicParticipation.PublicResult;

/**
 * The comparison of rounds in a learning report: per area of this round's boundary set, how the
 * participation analysis marked it in each earlier round of the series and in this one. An area
 * was <em>missing</em> in a round when the analysis marks it under-represented there (its rate well
 * under the city's: the upper bound of its representation ratio's 95 % interval below 1,
 * server/METHODS.md §8), and it <em>took part</em> this time when it is no longer marked so. The
 * marks are computed on raw data; the counts beside them are the public ones.
 */
final class RoundComparison {
    /** What became of an area between the earlier rounds and this one. */
    enum Outcome {
        /** Missing in an earlier round, within or above its share now. */
        TOOK_PART,
        /** Missing in an earlier round and still missing. */
        STILL_MISSING,
        /** Not missing before, missing now. */
        NEWLY_MISSING,
        /** Missing in no round. */
        NEVER_MISSING,
        /** No population, or nobody took part at all: no mark to compare. */
        UNKNOWN;

        String wire() {
            return switch (this) {
                case TOOK_PART -> "tookPart";
                case STILL_MISSING -> "stillMissing";
                case NEWLY_MISSING -> "newlyMissing";
                case NEVER_MISSING -> "neverMissing";
                case UNKNOWN -> "unknown";
            };
        }
    }

    /** One earlier round's public participation. */
    record Earlier(Round round, PublicResult result) {
    }

    private RoundComparison() {
    }

    static ObjectNode json(List<Earlier> earlier, PublicResult now) {
        var out = Json.MAPPER.createObjectNode();
        var rounds = out.putArray("rounds");
        var byRound = new ArrayList<Map<Long, PublicArea>>();
        for (var e : earlier) {
            rounds.addObject().put("projectId", e.round().projectId()).put("title", e.round().title())
                    .put("label", e.round().label()).put("position", e.round().position());
            var areas = new HashMap<Long, PublicArea>();
            e.result().areas().forEach(a -> areas.put(a.areaId(), a));
            byRound.add(areas);
        }
        var areas = out.putArray("areas");
        for (var a : now.areas()) {
            var row = areas.addObject().put("areaId", a.areaId()).put("name", a.name());
            var before = row.putArray("earlier");
            boolean missingBefore = false;
            boolean known = a.representation() != Representation.UNKNOWN;
            for (var round : byRound) {
                var then = round.get(a.areaId());
                cell(before.addObject(), then);
                missingBefore |= then != null && then.representation() == Representation.UNDER;
            }
            cell(row.putObject("now"), a);
            row.put("missingBefore", missingBefore);
            row.put("outcome", outcome(missingBefore, known, a.representation()).wire());
        }
        return out;
    }

    private static void cell(ObjectNode cell, PublicArea a) {
        if (a == null) {
            cell.put("participants", "0").put("representation", "unknown").put("missing", false);
            return;
        }
        cell.put("participants", a.participants())
                .put("representation", a.representation().name().toLowerCase(java.util.Locale.ROOT))
                .put("missing", a.representation() == Representation.UNDER);
    }

    private static Outcome outcome(boolean missingBefore, boolean known, Representation now) {
        if (!known) {
            return missingBefore ? Outcome.STILL_MISSING : Outcome.UNKNOWN;
        }
        boolean missingNow = now == Representation.UNDER;
        if (missingBefore) {
            return missingNow ? Outcome.STILL_MISSING : Outcome.TOOK_PART;
        }
        return missingNow ? Outcome.NEWLY_MISSING : Outcome.NEVER_MISSING;
    }
}
