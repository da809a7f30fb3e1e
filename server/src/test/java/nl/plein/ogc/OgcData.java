package nl.plein.ogc;

import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.polygon;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.TestServer;

/**
 * What the OGC tests read: a project with seven public proposals in a row from west to east
 * (lon 5.5005 + 0.001·i), one hidden and one withdrawn; on the first, a public variant and a
 * hidden one, a pinned comment, an unpinned one and a hidden pinned one; on the hidden proposal a
 * variant and a pinned comment; a pre-moderated project holding only an
 * unpublished proposal; and a boundary set of two buurten splitting the project square at lon 5.505.
 */
final class OgcData {
    static final String SECRET = "Verborgen voorstel";
    static final int PUBLIC_PROPOSALS = 7;

    final long projectId;
    final long premoderatedId;
    final long setId;
    final List<Long> publicIds = new ArrayList<>();
    final long hiddenId;
    final long withdrawnId;
    final long unpublishedId;
    /** The one variant and the one pinned comment anyone sees, both on the first public proposal. */
    final long variantId;
    final long pinnedId;

    OgcData(TestServer server) {
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        var moderator = server.signedIn("mod@test.example", Role.MODERATOR);
        var anna = server.signedIn("anna@test.example", Role.RESIDENT);
        var bram = server.signedIn("bram@test.example", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("Park", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        premoderatedId = admin.post("/api/projects", project("Plein", List.of("point"), true))
                .expect(201).json().get("id").asLong();
        for (int i = 0; i < PUBLIC_PROPOSALS; i++) {
            publicIds.add(anna.post("/api/projects/" + projectId + "/proposals",
                    proposal(point(5.5005 + 0.001 * i, 52.505), "Bankje " + i)).expect(201).json().get("id").asLong());
        }
        long first = publicIds.get(0);
        variantId = bram.post("/api/proposals/" + first + "/variants", feature(point(5.5006, 52.5051),
                Map.of("title", "Bankje iets oostelijker", "description", "Meer zon"))).expect(201).json().get("id").asLong();
        long hiddenVariant = bram.post("/api/proposals/" + first + "/variants", feature(point(5.5007, 52.5051),
                Map.of("title", SECRET, "description", SECRET))).expect(201).json().get("id").asLong();
        moderator.post("/api/variants/" + hiddenVariant + "/hide", Map.of("reason", "Off topic")).expect(201);
        pinnedId = bram.post("/api/proposals/" + first + "/comments",
                feature(point(5.5005, 52.5049), Map.of("body", "Hier staat een boom"))).expect(201).json().get("id").asLong();
        bram.post("/api/proposals/" + first + "/comments", feature(null, Map.of("body", "Goed idee"))).expect(201);
        long hiddenComment = bram.post("/api/proposals/" + first + "/comments",
                feature(point(5.5004, 52.5049), Map.of("body", SECRET))).expect(201).json().get("id").asLong();
        moderator.post("/api/comments/" + hiddenComment + "/hide", Map.of("reason", "Personal attack")).expect(201);
        hiddenId = anna.post("/api/projects/" + projectId + "/proposals", proposal(point(5.501, 52.506), SECRET))
                .expect(201).json().get("id").asLong();
        bram.post("/api/proposals/" + hiddenId + "/variants", feature(point(5.501, 52.5061),
                Map.of("title", SECRET, "description", SECRET))).expect(201);
        bram.post("/api/proposals/" + hiddenId + "/comments",
                feature(point(5.501, 52.5062), Map.of("body", SECRET))).expect(201);
        moderator.post("/api/proposals/" + hiddenId + "/hide", Map.of("reason", "Personal attack")).expect(201);
        withdrawnId = anna.post("/api/projects/" + projectId + "/proposals", proposal(point(5.502, 52.506), SECRET))
                .expect(201).json().get("id").asLong();
        anna.delete("/api/proposals/" + withdrawnId).expect(204);
        unpublishedId = anna.post("/api/projects/" + premoderatedId + "/proposals",
                proposal(point(5.503, 52.506), SECRET)).expect(201).json().get("id").asLong();
        setId = admin.post("/api/area-sets?name=Buurten&year=2024&dryRun=false", Map.of("type", "FeatureCollection",
                "features", List.of(buurt("BU0001", "West", 5.50, 5.505), buurt("BU0002", "Oost", 5.505, 5.51))))
                .expect(201).json().get("id").asLong();
    }

    private static Map<String, Object> buurt(String code, String name, double west, double east) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("buurtcode", code);
        properties.put("buurtnaam", name);
        properties.put("aantal_inwoners", 1000);
        properties.put("wijkcode", "WK0001");
        return feature(polygon(west, 52.50, east, 52.50, east, 52.51, west, 52.51, west, 52.50), properties);
    }

    /** A query parameter value, URL-encoded. */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The href of the first link with this relation, or null. */
    static String href(JsonNode links, String rel) {
        for (JsonNode link : links) {
            if (link.get("rel").asText().equals(rel)) {
                return link.get("href").asText();
            }
        }
        return null;
    }

    /** The feature ids of a FeatureCollection, in order. */
    static List<Long> ids(JsonNode collection) {
        var ids = new ArrayList<Long>();
        collection.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }
}
