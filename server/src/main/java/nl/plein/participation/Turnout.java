package nl.plein.participation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import nl.plein.analysis.SmallCounts;
import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Jdbi;

/**
 * Turnout in the project's budget votes joined to the participation view: ballots per home area
 * (every channel: with an account, a code, on paper, imported), for the same boundary set and days.
 * Voters with an account are participants as well (V15); code and paper ballots count here only.
 * Counts of people: raw for planners, under the small-count rule for everyone else (METHODS.md §9).
 */
final class Turnout {
    private static final String TURNOUT = Jdbis.sql(Turnout.class, "turnout.sql");

    private final Jdbi jdbi;
    private final SmallCounts rule;
    private final ZoneId zone;

    Turnout(Jdbi jdbi, SmallCounts rule, ZoneId zone) {
        this.jdbi = jdbi;
        this.rule = rule;
        this.zone = zone;
    }

    /** Adds {@code turnout} to a participation view, for its boundary set ({@code areaSet.id}) and areas. */
    void add(ObjectNode view, ParticipationAnalysis.Parameters p) {
        long setId = view.get("areaSet").get("id").asLong();
        var byArea = new HashMap<Long, Long>();
        long[] total = new long[1];
        jdbi.useHandle(h -> h.createQuery(TURNOUT).bind("project", p.projectId()).bind("set", setId)
                .bindByType("from", p.from(), java.time.LocalDate.class).bindByType("to", p.to(), java.time.LocalDate.class)
                .bind("zone", zone.getId())
                .map((rs, ctx) -> {
                    long area = rs.getLong("area_id");
                    boolean none = rs.wasNull();
                    long ballots = rs.getLong("ballots");
                    total[0] += ballots;
                    if (!none) {
                        byArea.merge(area, ballots, Long::sum);
                    }
                    return ballots;
                }).list());
        boolean raw = p.view() == ParticipationAnalysis.View.RAW;
        var ids = new ArrayList<Long>();
        var cells = new ArrayList<Long>();
        for (JsonNode area : view.get("areas")) {
            ids.add(area.get("areaId").asLong());
            cells.add(byArea.getOrDefault(area.get("areaId").asLong(), 0L));
        }
        var hidden = rule.hide(cells, total[0]);
        var out = view.putObject("turnout");
        var areas = out.putArray("areas");
        for (int i = 0; i < ids.size(); i++) {
            var node = areas.addObject().put("areaId", ids.get(i));
            if (raw) {
                node.put("ballots", cells.get(i));
            } else {
                node.put("ballots", rule.show(cells.get(i), hidden.get(i)));
            }
        }
        if (raw) {
            out.put("ballots", total[0]);
        } else {
            out.put("ballots", rule.show(total[0]));
        }
        out.put("method", "Ballots in the project's budget votes (every channel) by the voter's home area in this "
                + "boundary set, cast in the days asked for; voters with an account also count as participants."
                + (raw ? "" : " " + rule.describe()));
    }
}
