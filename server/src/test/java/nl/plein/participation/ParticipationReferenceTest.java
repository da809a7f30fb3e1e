package nl.plein.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.plein.participation.Participation.AreaCount;
import nl.plein.participation.Participation.Representation;
import org.junit.jupiter.api.Test;

/**
 * Compares against figures computed once, independently, with SciPy: see
 * {@code src/test/resources/analysis/reference.py}, which also generated the 40-area fixture.
 */
class ParticipationReferenceTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void fortySeededAreasMatchTheScipyReference() throws IOException {
        var rows = csv("fixture.csv").stream()
                .map(r -> new AreaCount(Long.parseLong(r[0]), r[1], r[2],
                        r[3].isEmpty() ? null : Long.valueOf(r[3]), Long.parseLong(r[4])))
                .toList();
        var result = Participation.compute(rows);
        var summary = new HashMap<String, String>();
        csv("expected-summary.csv").forEach(r -> summary.put(r[0], r[1]));

        assertEquals(Long.parseLong(summary.get("participants")), result.participants());
        assertEquals(Long.parseLong(summary.get("population")), result.population());
        assertEquals(Long.parseLong(summary.get("participants_all_areas")), result.participantsAllAreas());
        assertEquals(Double.parseDouble(summary.get("gini")), result.gini(), TOLERANCE);
        assertEquals(Double.parseDouble(summary.get("hoover")), result.hoover(), TOLERANCE);

        Map<Long, Participation.AreaResult> byId = new HashMap<>();
        result.areas().forEach(a -> byId.put(a.areaId(), a));
        var expected = csv("expected.csv");
        assertEquals(40, expected.size());
        for (var e : expected) {
            var area = byId.get(Long.parseLong(e[0]));
            var where = "area " + e[0];
            assertEquals(Representation.valueOf(e[5]), area.representation(), where);
            if (e[1].isEmpty()) {
                assertNull(area.ratePer1000(), where);
                continue;
            }
            assertEquals(Double.parseDouble(e[1]), area.ratePer1000(), TOLERANCE, where);
            assertEquals(Double.parseDouble(e[2]), area.ratio(), TOLERANCE, where);
            assertEquals(Double.parseDouble(e[3]), area.ratioLower(), TOLERANCE, where);
            assertEquals(Double.parseDouble(e[4]), area.ratioUpper(), TOLERANCE, where);
        }
    }

    private static List<String[]> csv(String name) throws IOException {
        var stream = ParticipationReferenceTest.class.getResourceAsStream("/analysis/" + name);
        if (stream == null) {
            throw new IOException("missing test resource analysis/" + name);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            // the fixture has no quoted fields (reference.py writes plain codes and names)
            return reader.lines().skip(1).map(line -> line.split(",", -1)).toList();
        }
    }
}
