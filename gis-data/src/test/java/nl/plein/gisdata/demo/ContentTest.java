package nl.plein.gisdata.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.plein.gisdata.demo.DemoDataset.Account;
import nl.plein.gisdata.demo.DemoDataset.Project;
import nl.plein.gisdata.demo.DemoDataset.StageDates;
import org.junit.jupiter.api.Test;

/** Accounts, projects and the amounts of everything, for the published seed. */
class ContentTest {

    private final DemoDataset data = Datasets.of(DemoGenerator.SEED);

    @Test
    void countsAreInTheRequiredRanges() {
        // 3 staff, 25 active residents and the quiet residents who support and sometimes comment.
        assertTrue(between(data.accounts().size(), 400, 500), "accounts " + data.accounts().size());
        assertTrue(between(data.projects().size(), 3, 4), "projects " + data.projects().size());
        assertTrue(between(data.proposals().size(), 300, 400), "proposals " + data.proposals().size());
        assertTrue(between(data.variants().size(), 30, 50), "variants " + data.variants().size());
        assertTrue(between(data.comments().size(), 300, 420), "comments " + data.comments().size());
        assertTrue(between(data.supports().size(), 2000, 6000), "supports " + data.supports().size());
    }

    @Test
    void everyProjectNamesThreeToFivePlacesWellInsideItsArea() {
        for (int p = 0; p < data.projects().size(); p++) {
            int project = p;
            List<DemoDataset.Place> places = data.places().stream().filter(x -> x.project() == project).toList();
            assertTrue(between(places.size(), 3, 5), data.projects().get(p).title() + ": " + places.size() + " places");
            for (DemoDataset.Place place : places) {
                assertTrue(Character.isUpperCase(place.name().charAt(0)), place.name());
                assertTrue(data.projects().get(p).area().contains(place.geom()), place.name() + " outside its project");
            }
        }
    }

    @Test
    void oneOfEachStaffRoleAndResidentsWithNeighbourhoodsNotAddresses() {
        Map<String, Long> roles = data.accounts().stream()
                .collect(Collectors.groupingBy(Account::role, Collectors.counting()));
        assertEquals(1L, roles.get("admin"));
        assertEquals(1L, roles.get("planner"));
        assertEquals(1L, roles.get("moderator"));
        assertTrue(roles.get("resident") >= 20);
        assertEquals("admin@demo.plein.test", data.accounts().get(PeopleGenerator.ADMIN).email());
        assertEquals("planner@demo.plein.test", data.accounts().get(PeopleGenerator.PLANNER).email());
        assertEquals("moderator@demo.plein.test", data.accounts().get(PeopleGenerator.MODERATOR).email());

        Set<String> emails = new HashSet<>();
        for (Account a : data.accounts()) {
            assertTrue(a.email().matches("[a-z.]+@demo\\.plein\\.test"), a.email());
            assertTrue(emails.add(a.email()), "duplicate " + a.email());
            assertFalse(a.displayName().isBlank());
            if (a.homeArea() != null) {
                assertTrue(a.homeArea() >= 0 && a.homeArea() < data.areas().size());
            }
        }
        long residentsWithHome = data.accounts().stream()
                .filter(a -> a.role().equals("resident") && a.homeArea() != null).count();
        assertTrue(residentsWithHome > roles.get("resident") / 2, "most residents have a home neighbourhood");
    }

    @Test
    void projectsCoverEveryStageWithPlausibleSchedules() {
        Set<String> stages = data.projects().stream().map(Project::stage).collect(Collectors.toSet());
        assertEquals(Set.of("think", "decide", "carry_out", "learn"), stages);
        for (Project p : data.projects()) {
            assertFalse(p.title().isBlank());
            assertFalse(p.summary().isBlank());
            assertTrue(p.area().isValid() && !p.area().isEmpty(), p.title());
            assertFalse(p.categories().isEmpty());
            assertTrue(Set.of("point", "line", "polygon").containsAll(p.geometryKinds()));
            assertEquals(PeopleGenerator.ADMIN, p.createdBy());
            assertEquals(p.stage().equals("learn"), !p.open(), "only the learn project is closed");
            List<String> order = p.stages().stream().map(StageDates::stage).toList();
            assertEquals(List.of("think", "decide", "carry_out", "learn"), order);
            LocalDate previousEnd = null;
            for (StageDates s : p.stages()) {
                assertFalse(s.startsOn().isAfter(s.endsOn()), p.title() + " " + s.stage());
                assertTrue(s.startsOn().getYear() >= 2026 && s.endsOn().getYear() <= 2027);
                if (previousEnd != null) {
                    assertTrue(s.startsOn().isAfter(previousEnd), "stages follow each other");
                }
                previousEnd = s.endsOn();
                if (s.stage().equals(p.stage())) {
                    assertFalse(Timeline.STORY_DATE.isBefore(s.startsOn()) || Timeline.STORY_DATE.isAfter(s.endsOn()),
                            "the current stage of " + p.title() + " is current on the story date");
                }
            }
        }
        assertEquals(1, data.projects().stream().filter(p -> p.geometryKinds().size() == 2).count());
        assertEquals(1, data.projects().stream().filter(Project::premoderation).count());
    }

    @Test
    void textsMixDutchAndEnglish() {
        long english = data.proposals().stream()
                .filter(p -> p.title().matches(".*\\b(the|a|by|on|near|at|in the)\\b.*"))
                .count();
        assertTrue(english > 30 && english < data.proposals().size() - 100, "English titles: " + english);
        data.proposals().forEach(p -> assertFalse(p.title().contains("{place}"), p.title()));
        Set<String> titles = data.proposals().stream().map(DemoDataset.Proposal::title).collect(Collectors.toSet());
        assertTrue(titles.size() > 150, "varied titles: " + titles.size());
    }

    @Test
    void nothingHappensAfterTheStoryDate() {
        var end = Timeline.STORY_END;
        data.proposals().forEach(p -> assertFalse(p.updatedAt().isAfter(end) || p.createdAt().isAfter(p.updatedAt())));
        data.decisions().forEach(d -> assertFalse(d.decidedAt().isAfter(end)));
        data.variants().forEach(v -> assertFalse(v.createdAt().isAfter(end)));
        data.comments().forEach(c -> assertFalse(c.createdAt().isAfter(end)));
        data.supports().forEach(s -> assertFalse(s.createdAt().isAfter(end)));
        data.moderation().forEach(m -> assertFalse(m.at().isAfter(end)));
        data.accounts().forEach(a -> assertFalse(a.createdAt().isAfter(end)));
    }

    @Test
    void proposalsAreWrittenByResidents() {
        for (var p : data.proposals()) {
            assertEquals("resident", data.accounts().get(p.author()).role());
        }
        assertNotEquals(1, data.proposals().stream().map(DemoDataset.Proposal::author).distinct().count());
    }

    private static boolean between(int value, int min, int max) {
        return value >= min && value <= max;
    }
}
