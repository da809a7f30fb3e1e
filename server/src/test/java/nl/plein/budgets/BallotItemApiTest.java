package nl.plein.budgets;

import static nl.plein.budgets.SetupFixtures.area;
import static nl.plein.budgets.SetupFixtures.fields;
import static nl.plein.budgets.SetupFixtures.upload;
import static nl.plein.budgets.SetupFixtures.vote;
import static nl.plein.budgets.SetupFixtures.with;
import static nl.plein.budgets.SetupFixtures.without;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.polygon;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import nl.plein.support.Together;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ballot items and the public review over real HTTP on a real PostGIS: proposals admitted as
 * costed items land in the pot of the area their geometry lies in (the placing rule, on real
 * boundaries), merged proposals keep their geometries together, refusals name their field and
 * write nothing, the ballot is fixed once the vote opens, and a proposal lands on one item only
 * however many planners admit it at once.
 */
class BallotItemApiTest {
    static TestServer server;
    static Jdbi jdbi;
    static Client planner;
    static Client otherPlanner;
    static Client resident;
    static long projectId;
    static long otherProjectId;
    static long setId;
    static long westId;
    static long eastId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        jdbi = Jdbis.create(server.dataSource);
        Client admin = server.signedIn("admin@items.test", Role.ADMIN);
        planner = server.signedIn("planner@items.test", Role.PLANNER);
        otherPlanner = server.signedIn("planner2@items.test", Role.PLANNER);
        resident = server.signedIn("resident@items.test", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("Buurtbudget", List.of("point", "polygon"), false))
                .expect(201).json().get("id").asLong();
        otherProjectId = admin.post("/api/projects", project("Elders", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
        setId = upload(admin, "Buurten", SetupFixtures.westAndEast());
        westId = area(admin, setId, "West");
        eastId = area(admin, setId, "Oost");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A published proposal of the project; West lies west of lon 5.505, Oost east of it. */
    static long proposalAt(Object geometry, String title) {
        return resident.post("/api/projects/" + projectId + "/proposals", proposal(geometry, title)).expect(201).json()
                .get("id").asLong();
    }

    static long wholeArea(String title) {
        return resident.post("/api/projects/" + projectId + "/proposals", feature(null,
                Map.of("title", title, "locationMethod", "whole_area"))).expect(201).json().get("id").asLong();
    }

    /** A vote with a city-wide pot (pots[0]) and pots for Oost (pots[1]) and West (pots[2]). */
    static JsonNode newVote(String title) {
        var body = with(with(vote(title), "areaSetId", setId), "areaBudgets",
                List.of(Map.of("areaId", westId, "budget", 30000), Map.of("areaId", eastId, "budget", 20000)));
        return planner.post("/api/projects/" + projectId + "/votes", body).expect(201).json();
    }

    static long pot(JsonNode vote, int index) {
        return vote.get("pots").get(index).get("id").asLong();
    }

    static Map<String, Object> item(List<Long> proposalIds, long cost, String reason) {
        var body = new LinkedHashMap<String, Object>();
        body.put("proposalIds", proposalIds);
        body.put("cost", cost);
        body.put("reason", reason);
        return body;
    }

    static Client.Response add(long voteId, Map<String, Object> body) {
        return planner.post("/api/votes/" + voteId + "/items", body);
    }

    static long count(String sql, long voteId) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("vote", voteId).mapTo(Long.class).one());
    }

    static void open(long voteId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE votes SET opens_at = now() - interval '1 hour' WHERE id = :id")
                .bind("id", voteId).execute());
    }

    static JsonNode reviews(Client client, long voteId) {
        return client.get("/api/votes/" + voteId + "/reviews").expect(200).json().get("reviews");
    }

    @Test
    void anAdmittedProposalGoesToThePotOfTheAreaItLiesInAndKeepsItsGeometry() {
        JsonNode vote = newVote("Pot per buurt");
        long voteId = vote.get("id").asLong();
        long bench = proposalAt(point(5.502, 52.505), "Bankjes bij de vijver");
        JsonNode item = add(voteId, item(List.of(bench), 12000, "Haalbaar binnen een jaar")).expect(201).json();
        JsonNode p = item.get("properties");
        assertEquals(pot(vote, 2), p.get("potId").asLong(), "West: lon 5.502 lies west of 5.505");
        assertEquals(westId, p.get("areaId").asLong());
        assertEquals("Bankjes bij de vijver", p.get("title").asText(), "the proposal's title by default");
        assertEquals("Because it helps", p.get("description").asText());
        assertEquals(12000, p.get("cost").asLong());
        assertEquals("Haalbaar binnen een jaar", p.get("reason").asText());
        assertEquals(List.of(bench), ids(p.get("proposalIds")));
        assertEquals("Point", item.get("geometry").get("type").asText());
        assertEquals(5.502, item.get("geometry").get("coordinates").get(0).asDouble(), 1e-9);
        boolean same = jdbi.withHandle(h -> h.createQuery("SELECT ST_Equals(i.geom, p.geom) FROM ballot_items i,"
                + " proposals p WHERE i.id = :item AND p.id = :proposal").bind("item", item.get("id").asLong())
                .bind("proposal", bench).mapTo(Boolean.class).one());
        assertTrue(same, "the item keeps the proposal's geometry");

        JsonNode review = reviews(server.anonymous(), voteId).get(0);
        assertEquals(bench, review.get("proposalId").asLong());
        assertTrue(review.get("admitted").asBoolean());
        assertEquals("Haalbaar binnen een jaar", review.get("reason").asText());
        assertEquals(item.get("id").asLong(), review.get("itemId").asLong());

        String items = "/api/votes/" + voteId + "/items";
        JsonNode all = server.anonymous().get(items).expect(200).json();
        assertEquals("FeatureCollection", all.get("type").asText());
        assertEquals(1, all.get("features").size());
        assertEquals(1, server.anonymous().get(items + "?potId=" + pot(vote, 2)).expect(200).json().get("features").size());
        assertEquals(0, server.anonymous().get(items + "?potId=" + pot(vote, 1)).expect(200).json().get("features").size());
        assertEquals(List.of("potId"), fields(server.anonymous().get(items + "?potId=" + pot(newVote("Ander"), 0)), 400));
        assertEquals(List.of("potId"), fields(server.anonymous().get(items + "?potId=x"), 400));
        JsonNode after = server.anonymous().get("/api/votes/" + voteId).expect(200).json();
        assertEquals(1, after.get("itemCount").asInt());
        assertEquals(1, after.get("pots").get(2).get("itemCount").asInt());
        server.anonymous().get("/api/votes/999999/items").expect(404);
    }

    @Test
    void withoutAPlaceOrAcrossAreasAnItemGoesToTheCityWidePot() {
        JsonNode vote = newVote("Hele stad");
        long voteId = vote.get("id").asLong();
        long everywhere = wholeArea("Meer bomen overal");
        JsonNode whole = add(voteId, item(List.of(everywhere), 50000, "Past in het groenplan")).expect(201).json();
        assertEquals(pot(vote, 0), whole.get("properties").get("potId").asLong());
        assertTrue(whole.get("properties").get("areaId").isNull());
        assertTrue(whole.get("geometry").isNull(), "no geometry to keep");

        long west = proposalAt(point(5.501, 52.502), "Fietsnietjes west");
        long east = proposalAt(point(5.509, 52.508), "Fietsnietjes oost");
        JsonNode merged = add(voteId, with(item(List.of(west, east), 8000, "Samen één plan"), "title", "Fietsnietjes"))
                .expect(201).json();
        assertEquals(pot(vote, 0), merged.get("properties").get("potId").asLong(), "two areas: the city-wide pot");
        assertEquals("Fietsnietjes", merged.get("properties").get("title").asText());
        assertEquals("MultiPoint", merged.get("geometry").get("type").asText());
        assertEquals(2, merged.get("geometry").get("coordinates").size());
        assertEquals(List.of(west, east), ids(merged.get("properties").get("proposalIds")));
        assertEquals(2, count("SELECT count(*) FROM vote_reviews WHERE vote_id = :vote AND admitted"
                + " AND reason = 'Samen één plan'", voteId), "each merged proposal has its admitted review");
    }

    @Test
    void mergedProposalsInOneAreaKeepThatAreasPotAndTheirGeometriesTogether() {
        JsonNode vote = newVote("Samenvoegen");
        long voteId = vote.get("id").asLong();
        // Two overlapping squares in Oost: together not a valid MultiPolygon, kept as a collection.
        long a = proposalAt(polygon(5.506, 52.502, 5.508, 52.502, 5.508, 52.504, 5.506, 52.504, 5.506, 52.502), "Plein A");
        long b = proposalAt(polygon(5.507, 52.503, 5.509, 52.503, 5.509, 52.505, 5.507, 52.505, 5.507, 52.503), "Plein B");
        JsonNode merged = add(voteId, item(List.of(a, b), 15000, "Eén ontwerp")).expect(201).json();
        assertEquals(pot(vote, 1), merged.get("properties").get("potId").asLong(), "both lie in Oost");
        assertEquals("Plein A", merged.get("properties").get("title").asText(), "the first proposal's title");
        JsonNode geometry = merged.get("geometry");
        assertEquals("GeometryCollection", geometry.get("type").asText(), geometry.toString());
        assertEquals(2, geometry.get("geometries").size());
        boolean kept = jdbi.withHandle(h -> h.createQuery("SELECT ST_IsValid(geom) AND ST_NumGeometries(geom) = 2"
                        + " AND ST_Area(geom::geography) > 0 FROM ballot_items WHERE id = :id")
                .bind("id", merged.get("id").asLong()).mapTo(Boolean.class).one());
        assertTrue(kept, "both areas kept, valid");

        // Two apart in Oost: a MultiPolygon.
        long c = proposalAt(polygon(5.506, 52.507, 5.507, 52.507, 5.507, 52.508, 5.506, 52.508, 5.506, 52.507), "Tuin C");
        long d = proposalAt(polygon(5.508, 52.507, 5.509, 52.507, 5.509, 52.508, 5.508, 52.508, 5.508, 52.507), "Tuin D");
        JsonNode apart = add(voteId, item(List.of(c, d), 4000, "Klein")).expect(201).json();
        assertEquals("MultiPolygon", apart.get("geometry").get("type").asText());
        assertEquals(pot(vote, 1), apart.get("properties").get("potId").asLong());
    }

    @Test
    void aPlannerMayNameThePotAndANamedPotMustBeOneOfTheVote() {
        JsonNode vote = newVote("Zelf kiezen");
        long voteId = vote.get("id").asLong();
        long west = proposalAt(point(5.503, 52.503), "Speelplek");
        JsonNode item = add(voteId, with(item(List.of(west), 7000, "Haalbaar"), "potId", pot(vote, 0))).expect(201).json();
        assertEquals(pot(vote, 0), item.get("properties").get("potId").asLong());
        long other = pot(newVote("Andere stemming"), 1);
        long west2 = proposalAt(point(5.503, 52.504), "Speelplek 2");
        assertEquals(List.of("potId"), fields(add(voteId, with(item(List.of(west2), 7000, "Haalbaar"), "potId", other)), 400));
    }

    @Test
    void withNoCityWidePotAProposalOutsideTheAreaPotsNeedsAPotNamed() {
        var body = with(with(without(vote("Alleen west"), "cityBudget"), "areaSetId", setId), "areaBudgets",
                List.of(Map.of("areaId", westId, "budget", 30000)));
        long voteId = planner.post("/api/projects/" + projectId + "/votes", body).expect(201).json().get("id").asLong();
        long east = proposalAt(point(5.508, 52.503), "Oostelijk bankje");
        assertEquals(List.of("potId"), fields(add(voteId, item(List.of(east), 500, "Haalbaar")), 400));
        assertEquals(0, count("SELECT count(*) FROM ballot_items WHERE vote_id = :vote", voteId));
    }

    @Test
    void everyRefusalNamesItsFieldAndWritesNothing() {
        JsonNode vote = newVote("Weigeren");
        long voteId = vote.get("id").asLong();
        long ok = proposalAt(point(5.502, 52.502), "Goed");
        long taken = proposalAt(point(5.502, 52.503), "Al gekozen");
        add(voteId, item(List.of(taken), 100, "Haalbaar")).expect(201);
        long hidden = proposalAt(point(5.502, 52.504), "Verborgen");
        jdbi.useHandle(h -> h.createUpdate("UPDATE proposals SET hidden = true WHERE id = :id").bind("id", hidden).execute());
        long elsewhere = resident.post("/api/projects/" + otherProjectId + "/proposals", proposal(point(5.505, 52.505),
                "Elders")).expect(201).json().get("id").asLong();

        long items = count("SELECT count(*) FROM ballot_items WHERE vote_id = :vote", voteId);
        long reviews = count("SELECT count(*) FROM vote_reviews WHERE vote_id = :vote", voteId);
        var cases = new LinkedHashMap<String, Client.Response>();
        cases.put("proposalIds[1]", add(voteId, item(List.of(ok, 999999L), 100, "Haalbaar")));
        cases.put("proposalIds[1] ", add(voteId, item(List.of(ok, hidden), 100, "Haalbaar")));
        cases.put("proposalIds[0]", add(voteId, item(List.of(elsewhere), 100, "Haalbaar")));
        cases.put("proposalIds[1]  ", add(voteId, item(List.of(ok, ok), 100, "Haalbaar")));
        cases.put("proposalIds", add(voteId, item(List.of(), 100, "Haalbaar")));
        cases.put("cost", add(voteId, item(List.of(ok), 0, "Haalbaar")));
        cases.put("cost ", add(voteId, item(List.of(ok), 1_000_000_000_001L, "Haalbaar")));
        cases.put("cost  ", add(voteId, item(List.of(ok), 30001, "Haalbaar")));
        cases.put("cost   ", add(voteId, with(item(List.of(ok), 100001, "Haalbaar"), "potId", pot(vote, 0))));
        cases.put("reason", add(voteId, without(item(List.of(ok), 100, "x"), "reason")));
        cases.put("reason ", add(voteId, item(List.of(ok), 100, "  ")));
        cases.put("colour", add(voteId, with(item(List.of(ok), 100, "Haalbaar"), "colour", "rood")));
        var wrong = new ArrayList<String>();
        cases.forEach((field, response) -> {
            if (response.status() != 400 || !fields(response, 400).contains(field.strip())) {
                wrong.add(field.strip() + ": " + response.status() + " " + response.body());
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals(List.of("proposalIds[1]"), fields(add(voteId, item(List.of(ok, taken), 100, "Haalbaar")), 409),
                "a proposal is on one item of a vote");
        assertEquals(items, count("SELECT count(*) FROM ballot_items WHERE vote_id = :vote", voteId), "nothing written");
        assertEquals(reviews, count("SELECT count(*) FROM vote_reviews WHERE vote_id = :vote", voteId), "nothing written");
        planner.post("/api/votes/999999/items", item(List.of(ok), 100, "Haalbaar")).expect(404);
    }

    @Test
    void onlyPlannersWriteTheBallot() {
        long voteId = newVote("Rollen").get("id").asLong();
        long p = proposalAt(point(5.502, 52.506), "Mijn eigen idee");
        resident.post("/api/votes/" + voteId + "/items", item(List.of(p), 100, "Zelf toegelaten")).expect(403);
        server.anonymous().post("/api/votes/" + voteId + "/items", item(List.of(p), 100, "Anoniem")).expect(401);
        resident.put("/api/votes/" + voteId + "/reviews/" + p, Map.of("admitted", false, "reason", "Nee")).expect(403);
        assertEquals(0, count("SELECT count(*) FROM ballot_items WHERE vote_id = :vote", voteId));
        assertEquals(0, count("SELECT count(*) FROM vote_reviews WHERE vote_id = :vote", voteId));
    }

    @Test
    void itemsChangeAndGoOnlyBeforeTheVoteOpens() {
        JsonNode vote = newVote("Vastleggen");
        long voteId = vote.get("id").asLong();
        long a = proposalAt(point(5.502, 52.507), "Waterpunt");
        long b = proposalAt(point(5.503, 52.507), "Picknicktafel");
        long itemA = add(voteId, item(List.of(a), 3000, "Haalbaar")).expect(201).json().get("id").asLong();
        long itemB = add(voteId, item(List.of(b), 2000, "Haalbaar")).expect(201).json().get("id").asLong();
        String pathA = "/api/votes/" + voteId + "/items/" + itemA;

        JsonNode changed = planner.patch(pathA, Map.of("cost", 3500, "reason", "Haalbaar, iets duurder",
                "potId", pot(vote, 0))).expect(200).json();
        assertEquals(3500, changed.get("properties").get("cost").asLong());
        assertEquals(pot(vote, 0), changed.get("properties").get("potId").asLong());
        assertEquals("Haalbaar, iets duurder", reviews(server.anonymous(), voteId).get(0).get("reason").asText(),
                "the review gives the item's reason");
        assertEquals(List.of("cost"), fields(planner.patch(pathA, Map.of("cost", -1)), 400));
        long bigItem = add(voteId, with(item(List.of(proposalAt(point(5.501, 52.509), "Groot plan")), 25000, "Haalbaar"),
                "potId", pot(vote, 0))).expect(201).json().get("id").asLong();
        assertEquals(List.of("potId"), fields(planner.patch("/api/votes/" + voteId + "/items/" + bigItem,
                Map.of("potId", pot(vote, 1))), 400), "25,000 does not fit Oost's 20,000");
        assertEquals(List.of("cost"), fields(planner.patch("/api/votes/" + voteId + "/items/" + bigItem,
                Map.of("potId", pot(vote, 1), "cost", 20001)), 400));
        assertEquals(20000, planner.patch("/api/votes/" + voteId + "/items/" + bigItem, Map.of("potId", pot(vote, 1),
                "cost", 20000)).expect(200).json().get("properties").get("cost").asLong(), "the whole pot fits");
        assertEquals(List.of("title"), fields(planner.patch(pathA, with(Map.of(), "title", null)), 400));
        planner.patch("/api/votes/" + voteId + "/items/999999", Map.of("cost", 1)).expect(404);

        planner.delete("/api/votes/" + voteId + "/items/" + itemB).expect(204);
        assertEquals(2, server.anonymous().get("/api/votes/" + voteId + "/items").expect(200).json().get("features").size());
        assertEquals(0, count("SELECT count(*) FROM vote_reviews WHERE vote_id = :vote AND proposal_id = " + b, voteId),
                "a removed item's proposals are no longer admitted");
        planner.delete("/api/votes/" + voteId + "/items/" + itemB).expect(404);

        open(voteId);
        long c = proposalAt(point(5.503, 52.508), "Te laat");
        assertEquals(List.of("vote"), fields(add(voteId, item(List.of(c), 100, "Haalbaar")), 409));
        assertEquals(List.of("vote"), fields(planner.patch(pathA, Map.of("cost", 1)), 409));
        assertEquals(List.of("vote"), fields(planner.delete(pathA), 409));
        assertEquals(3500, server.anonymous().get("/api/votes/" + voteId + "/items").expect(200).json().get("features")
                .get(0).get("properties").get("cost").asLong(), "nothing changed");
    }

    @Test
    void aProposalNotAdmittedGetsAPublicReasonAndOneOnAnItemCannot() {
        long voteId = newVote("Toetsing").get("id").asLong();
        long admitted = proposalAt(point(5.502, 52.509), "Zwemvijver");
        long refused = proposalAt(point(5.508, 52.509), "Kabelbaan");
        add(voteId, item(List.of(admitted), 25000, "Haalbaar")).expect(201);
        String base = "/api/votes/" + voteId + "/reviews/";
        JsonNode review = planner.put(base + refused, Map.of("admitted", false, "reason", "Te duur voor de pot"))
                .expect(200).json();
        assertFalse(review.get("admitted").asBoolean());
        assertEquals("Kabelbaan", review.get("title").asText());
        assertTrue(review.get("itemId").isNull());
        assertEquals(List.of("proposalId"), fields(planner.put(base + admitted,
                Map.of("admitted", false, "reason", "Toch niet")), 409));
        assertEquals(List.of("admitted"), fields(planner.put(base + refused, Map.of("admitted", true, "reason", "Wel")), 400));
        assertEquals(List.of("reason"), fields(planner.put(base + refused, Map.of("admitted", false)), 400));
        planner.put(base + 999999, Map.of("admitted", false, "reason", "Bestaat niet")).expect(404);

        JsonNode all = reviews(server.anonymous(), voteId);
        assertEquals(2, all.size());
        assertTrue(all.get(0).get("admitted").asBoolean(), "admitted first");
        assertEquals("Te duur voor de pot", all.get(1).get("reason").asText());

        // Admitting it after all replaces the review.
        add(voteId, item(List.of(refused), 18000, "Toch haalbaar met subsidie")).expect(201);
        assertEquals(2, reviews(server.anonymous(), voteId).size());
        assertTrue(reviews(server.anonymous(), voteId).get(1).get("admitted").asBoolean());

        // A proposal hidden later takes its review out of public view.
        jdbi.useHandle(h -> h.createUpdate("UPDATE proposals SET hidden = true WHERE id = :id").bind("id", refused).execute());
        assertEquals(1, reviews(server.anonymous(), voteId).size());
        assertEquals(2, reviews(planner, voteId).size(), "staff still see it");
    }

    @Test
    void twoPlannersAdmittingTheSameProposalAtOnceGiveItOneItem() throws Exception {
        long voteId = newVote("Tegelijk").get("id").asLong();
        long contested = proposalAt(point(5.508, 52.501), "Gewild");
        var tasks = new ArrayList<Callable<Integer>>();
        for (Client c : List.of(planner, otherPlanner, planner, otherPlanner)) {
            tasks.add(() -> c.post("/api/votes/" + voteId + "/items", item(List.of(contested), 100, "Haalbaar")).status());
        }
        var statuses = Together.run(tasks);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, count("SELECT count(*) FROM ballot_item_proposals bp JOIN ballot_items i ON i.id = bp.item_id"
                + " WHERE i.vote_id = :vote AND bp.proposal_id = " + contested, voteId));
    }

    @Test
    void whatPeopleWroteComesBackAsData() {
        long voteId = newVote("Vijandig").get("id").asLong();
        String title = "<img src=x onerror=alert(1)> \"quotes\" & ünïcode";
        long p = proposalAt(point(5.507, 52.506), "Gewoon");
        JsonNode item = add(voteId, with(item(List.of(p), 100, "<b>reden</b>"), "title", title)).expect(201).json();
        assertEquals(title, item.get("properties").get("title").asText());
        assertEquals("<b>reden</b>", server.anonymous().get("/api/votes/" + voteId + "/items").expect(200).json()
                .get("features").get(0).get("properties").get("reason").asText());
    }

    static List<Long> ids(JsonNode array) {
        var ids = new ArrayList<Long>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }
}
