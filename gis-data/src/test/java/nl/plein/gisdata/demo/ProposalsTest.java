package nl.plein.gisdata.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.plein.gisdata.demo.DemoDataset.Comment;
import nl.plein.gisdata.demo.DemoDataset.Decision;
import nl.plein.gisdata.demo.DemoDataset.ModerationEntry;
import nl.plein.gisdata.demo.DemoDataset.Project;
import nl.plein.gisdata.demo.DemoDataset.Proposal;
import nl.plein.gisdata.demo.DemoDataset.Support;
import nl.plein.gisdata.demo.DemoDataset.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;

/** Proposals and everything hanging off them, for the published seed and a few others. */
class ProposalsTest {

    private static final Map<String, String> KIND_OF_TYPE = Map.of(
            "Point", "point", "MultiPoint", "point", "LineString", "line", "MultiLineString", "line",
            "Polygon", "polygon", "MultiPolygon", "polygon");

    @ParameterizedTest
    @ValueSource(longs = {DemoGenerator.SEED, 1, 2, 3})
    void everyDrawingIsValidAndInsideItsProject(long seed) {
        DemoDataset data = Datasets.of(seed);
        for (Proposal p : data.proposals()) {
            Project project = data.projects().get(p.project());
            assertTrue(p.geom().isValid(), p.title());
            assertTrue(project.area().covers(p.geom()), "outside its project: " + p.title());
            assertTrue(project.categories().contains(p.category()), p.category());
            assertTrue(project.geometryKinds().contains(KIND_OF_TYPE.get(p.geom().getGeometryType())));
            assertNotNull(p.area(), "every proposal lies in a neighbourhood");
            assertTrue(data.areas().get(p.area()).geom().intersects(p.geom()));
        }
        for (Variant v : data.variants()) {
            Proposal original = data.proposals().get(v.proposal());
            assertTrue(v.geom().isValid());
            assertTrue(data.projects().get(original.project()).area().covers(v.geom()), v.title());
            assertEquals(original.geom().getGeometryType(), v.geom().getGeometryType());
            assertFalse(v.geom().equalsExact(original.geom()), "a variant differs from the original");
            assertNotEquals(original.author(), v.author(), "variants are by someone else");
            assertTrue(v.title().startsWith("Variant: "));
            assertFalse(v.createdAt().isBefore(original.createdAt()));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {DemoGenerator.SEED, 1, 2, 3})
    void allGeometryTypesOccurWithOnlyAHandfulOfMultis(long seed) {
        Map<String, Long> types = Datasets.of(seed).proposals().stream()
                .collect(Collectors.groupingBy(p -> p.geom().getGeometryType(), Collectors.counting()));
        for (String single : List.of("Point", "LineString", "Polygon")) {
            assertTrue(types.getOrDefault(single, 0L) >= 30, single + ": " + types);
        }
        long multis = types.getOrDefault("MultiPoint", 0L) + types.getOrDefault("MultiLineString", 0L)
                + types.getOrDefault("MultiPolygon", 0L);
        assertTrue(multis >= 3 && multis <= 30, "multi geometries: " + types);
    }

    @ParameterizedTest
    @ValueSource(longs = {DemoGenerator.SEED, 1, 2, 3})
    void atMostOneSupportPerAccountAndProposal(long seed) {
        DemoDataset data = Datasets.of(seed);
        Set<String> seen = new HashSet<>();
        int[] perProposal = new int[data.proposals().size()];
        for (Support s : data.supports()) {
            assertTrue(seen.add(s.proposal() + "/" + s.account()), "duplicate support " + s);
            Proposal p = data.proposals().get(s.proposal());
            assertNotEquals(p.author(), s.account(), "nobody supports their own proposal");
            assertNotEquals("submitted", p.status(), "unpublished proposals cannot be seen, so not supported");
            assertEquals("resident", data.accounts().get(s.account()).role());
            perProposal[s.proposal()]++;
        }
        // Skewed: the most popular proposals collect many times the typical number.
        int[] sorted = perProposal.clone();
        Arrays.sort(sorted);
        int median = sorted[sorted.length / 2];
        int top = sorted[sorted.length - 1];
        assertTrue(top >= 2 * Math.max(1, median), "median " + median + ", top " + top);
    }

    @ParameterizedTest
    @ValueSource(longs = {DemoGenerator.SEED, 1, 2, 3})
    void commentsAreThreadedOnTheSameProposal(long seed) {
        DemoDataset data = Datasets.of(seed);
        int replies = 0;
        int drawings = 0;
        for (int i = 0; i < data.comments().size(); i++) {
            Comment c = data.comments().get(i);
            assertFalse(c.body().isBlank());
            assertNotEquals("submitted", data.proposals().get(c.proposal()).status());
            if (c.parent() != null) {
                replies++;
                assertTrue(c.parent() < i, "parents come first, so they can be inserted first");
                Comment parent = data.comments().get(c.parent());
                assertEquals(parent.proposal(), c.proposal(), "reply on the same proposal");
                assertFalse(c.createdAt().isBefore(parent.createdAt()));
            }
            if (c.geom() != null) {
                drawings++;
                assertTrue(c.geom().isValid());
                Geometry proposal = data.proposals().get(c.proposal()).geom();
                assertTrue(c.geom().distance(proposal) < 0.002, "a pointer is near the proposal");
            }
        }
        int total = data.comments().size();
        assertTrue(replies > total / 10 && replies < total / 2, "replies " + replies);
        assertTrue(drawings > total / 20 && drawings < total / 5, "comments with a drawing " + drawings);
    }

    @ParameterizedTest
    @ValueSource(longs = {DemoGenerator.SEED, 1, 2, 3})
    void statusHistoriesAddUp(long seed) {
        DemoDataset data = Datasets.of(seed);
        List<List<Decision>> byProposal = new ArrayList<>();
        data.proposals().forEach(p -> byProposal.add(new ArrayList<>()));
        data.decisions().forEach(d -> byProposal.get(d.proposal()).add(d));
        Set<String> seenStatuses = new HashSet<>();
        for (int i = 0; i < data.proposals().size(); i++) {
            Proposal p = data.proposals().get(i);
            Project project = data.projects().get(p.project());
            seenStatuses.add(p.status());
            String status = null;
            var previous = p.createdAt();
            for (Decision d : byProposal.get(i)) {
                assertEquals(status, d.fromStatus(), "history of proposal " + i);
                assertFalse(d.reason().isBlank());
                assertFalse(d.decidedAt().isBefore(previous), "decisions in order");
                if (d.toStatus().equals("submitted")) {
                    assertEquals(p.author(), d.decidedBy());
                    assertEquals(p.createdAt(), d.decidedAt());
                } else if (d.toStatus().equals("published")) {
                    assertEquals(project.premoderation() ? PeopleGenerator.MODERATOR : p.author(), d.decidedBy());
                } else {
                    assertEquals(PeopleGenerator.PLANNER, d.decidedBy());
                }
                status = d.toStatus();
                previous = d.decidedAt();
            }
            assertEquals(p.status(), status, "the last decision gives the current status");
            if (p.status().equals("submitted")) {
                assertTrue(project.premoderation(), "only pre-moderated proposals wait");
            }
            if (p.status().equals("realised")) {
                assertTrue(Set.of("carry_out", "learn").contains(project.stage()));
            }
        }
        assertEquals(Set.of("submitted", "published", "under_consideration", "accepted", "rejected", "realised"),
                seenStatuses);
    }

    @ParameterizedTest
    @ValueSource(longs = {DemoGenerator.SEED, 1, 2, 3})
    void hiddenContentIsExplainedInTheModerationLog(long seed) {
        DemoDataset data = Datasets.of(seed);
        Set<Integer> hiddenProposals = new HashSet<>();
        Set<Integer> hiddenComments = new HashSet<>();
        for (ModerationEntry m : data.moderation()) {
            assertEquals("hide", m.action());
            assertEquals(PeopleGenerator.MODERATOR, m.moderator());
            assertFalse(m.reason().isBlank());
            switch (m.targetKind()) {
                case "proposal" -> hiddenProposals.add(m.target());
                case "comment" -> hiddenComments.add(m.target());
                default -> throw new AssertionError(m.targetKind());
            }
        }
        for (int i = 0; i < data.proposals().size(); i++) {
            assertEquals(data.proposals().get(i).hidden(), hiddenProposals.contains(i), "proposal " + i);
        }
        for (int i = 0; i < data.comments().size(); i++) {
            assertEquals(data.comments().get(i).hidden(), hiddenComments.contains(i), "comment " + i);
        }
        assertTrue(hiddenProposals.size() >= 2 && hiddenComments.size() >= 2);
    }
}
