package nl.plein.gisdata.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.plein.gisdata.demo.DemoDataset.Project;
import nl.plein.gisdata.demo.DemoDataset.StageDates;
import nl.plein.gisdata.demo.ProjectPlan.Category;
import nl.plein.gisdata.demo.ProjectPlan.HotSpot;
import nl.plein.gisdata.demo.ProjectPlan.Scale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * The four demo projects, one in each stage, so every screen of the app has something to show.
 * They are written out by hand (not random): they are the storyline of the demo.
 */
final class ProjectGenerator {

    private static final List<String> ALL_KINDS = List.of("point", "line", "polygon");

    private final Frame frame;
    private final Town town;
    private final int admin;

    ProjectGenerator(Frame frame, Town town, int admin) {
        this.frame = frame;
        this.town = town;
        this.admin = admin;
    }

    List<ProjectPlan> generate() {
        List<ProjectPlan> plans = new ArrayList<>();
        plans.add(marketSquare(plans.size()));
        plans.add(stationStreet(plans.size()));
        plans.add(safeToSchool(plans.size()));
        plans.add(park(plans.size()));
        for (ProjectPlan plan : plans) {
            for (HotSpot spot : plan.hotSpots()) {
                Geometry at = frame.toLonLat(Frame.METRES.createPoint(new Coordinate(spot.x(), spot.y())));
                if (!plan.fits(at)) {
                    throw new IllegalStateException("hot spot outside project " + plan.project().title());
                }
            }
        }
        return plans;
    }

    private ProjectPlan marketSquare(int index) {
        Polygon area = shape(-60, 120, new double[][] {
            {-190, -40}, {-120, -140}, {20, -150}, {150, -110}, {200, 10}, {160, 130}, {30, 160}, {-140, 120}});
        Project project = project("Herinrichting Marktplein",
                "Het Marktplein is nu vooral een parkeerterrein. Hoe maken we er samen een plek van waar je "
                        + "graag bent? Teken je ideeën op de kaart: groen, spelen, verkeer en verblijven.",
                area, List.of("groen", "spelen", "verkeer", "verblijven"), ALL_KINDS, "think", true, false,
                schedule("2026-09-14", "2026-12-20", "2027-01-11", "2027-03-14",
                        "2027-04-01", "2027-10-31", "2027-11-01", "2027-12-31"));
        return new ProjectPlan(index, project, area, List.of(
                new HotSpot(-60, 120, 22, 3, "bij de fontein", "by the fountain"),
                new HotSpot(-30, 240, 25, 2, "bij de Dorpskerk", "by the village church"),
                new HotSpot(-180, 90, 25, 2, "bij de terrassen", "by the café terraces"),
                new HotSpot(80, 30, 20, 1.5, "bij de bushalte", "at the bus stop")),
                0.2,
                List.of(new Category("groen", Theme.GREEN), new Category("spelen", Theme.PLAY),
                        new Category("verkeer", Theme.TRAFFIC), new Category("verblijven", Theme.STAY)),
                new Scale(25, 110, 6, 30, 35), 0.2, 110,
                new Phrases.Bilingual("op het Marktplein", "on the Market Square"));
    }

    private ProjectPlan stationStreet(int index) {
        Coordinate[] street = {
            new Coordinate(-1750, -950), new Coordinate(-1350, -700), new Coordinate(-900, -430),
            new Coordinate(-450, -170), new Coordinate(-150, 20)};
        Polygon area = (Polygon) Frame.METRES.createLineString(street).buffer(55, 4);
        Project project = project("Greener Stationsstraat",
                "The street from the station to the centre is hot, grey and lined with parked cars. Where "
                        + "should trees, benches and bike parking go? The council decides this autumn.",
                area, List.of("trees", "seating", "cycling", "parking"), List.of("point", "polygon"),
                "decide", true, true,
                schedule("2026-05-11", "2026-08-30", "2026-08-31", "2026-12-13",
                        "2027-01-11", "2027-10-31", "2027-11-01", "2027-12-31"));
        return new ProjectPlan(index, project, area, List.of(
                new HotSpot(-1700, -915, 40, 2.5, "op het stationsplein", "on the station forecourt"),
                new HotSpot(-900, -430, 50, 2, "bij de winkels", "by the shops"),
                new HotSpot(-450, -170, 35, 1.5, "bij de schooloversteek", "at the school crossing")),
                0.3,
                List.of(new Category("trees", Theme.GREEN), new Category("seating", Theme.STAY),
                        new Category("cycling", Theme.CYCLE), new Category("parking", Theme.PARKING)),
                new Scale(30, 80, 5, 22, 50), 0.65, 80,
                new Phrases.Bilingual("in de Stationsstraat", "on Stationsstraat"));
    }

    private ProjectPlan safeToSchool(int index) {
        Project project = new Project("Veilig naar school",
                "Samen met scholen en ouders brengen we de gevaarlijke plekken op de route naar school in heel "
                        + "Vijverdal in kaart. De eerste maatregelen worden nu uitgevoerd.",
                town.outline(), List.of("fietsen", "lopen", "oversteken", "verlichting"), ALL_KINDS,
                "carry_out", true, false, admin, null, null,
                schedule("2026-02-02", "2026-04-26", "2026-04-27", "2026-06-14",
                        "2026-06-15", "2027-05-31", "2027-06-01", "2027-12-31"));
        return new ProjectPlan(index, dated(project), town.outlineMetres(), List.of(
                new HotSpot(-700, 900, 150, 2, "bij basisschool De Regenboog", "near De Regenboog primary school"),
                new HotSpot(1300, 300, 150, 2, "bij basisschool Het Kompas", "near Het Kompas primary school"),
                new HotSpot(-300, -1200, 180, 2, "bij het Vijverdal College", "near Vijverdal College"),
                new HotSpot(-1700, -915, 150, 1.5, "bij het station", "near the station"),
                new HotSpot(-60, 120, 150, 1, "in het centrum", "in the town centre")),
                0.3,
                List.of(new Category("fietsen", Theme.CYCLE), new Category("lopen", Theme.WALK),
                        new Category("oversteken", Theme.TRAFFIC), new Category("verlichting", Theme.LIGHT)),
                new Scale(150, 800, 25, 120, 200), 0.2, 120, null);
    }

    private ProjectPlan park(int index) {
        Polygon area = shape(1150, -700, new double[][] {
            {-330, -60}, {-250, -210}, {-40, -260}, {180, -230}, {320, -90}, {300, 110}, {120, 230},
            {-120, 210}, {-290, 120}});
        Project project = project("Vijverpark: more play, more nature",
                "The Vijverpark got a new playground, natural banks along the pond and a running loop. "
                        + "Look back at what was proposed, what was built, and what we learned.",
                area, List.of("play", "nature", "water", "sport"), ALL_KINDS, "learn", false, false,
                schedule("2026-01-12", "2026-03-01", "2026-03-02", "2026-04-12",
                        "2026-04-13", "2026-09-30", "2026-10-01", "2027-03-31"));
        return new ProjectPlan(index, project, area, List.of(
                new HotSpot(1180, -680, 50, 2, "bij de vijver", "by the pond"),
                new HotSpot(920, -780, 35, 2.5, "bij de speelheuvel", "by the play hill"),
                new HotSpot(880, -580, 30, 1, "bij de hoofdingang", "at the main entrance"),
                new HotSpot(1380, -820, 45, 1.5, "bij het sportveld", "by the sports field")),
                0.25,
                List.of(new Category("play", Theme.PLAY), new Category("nature", Theme.GREEN),
                        new Category("water", Theme.WATER), new Category("sport", Theme.SPORT)),
                new Scale(40, 160, 8, 45, 50), 0.6, 60,
                new Phrases.Bilingual("in het Vijverpark", "in the Vijverpark"));
    }

    /** A project whose area is drawn in metres: snapped to the grid and kept inside the town. */
    private Project project(String title, String summary, Polygon areaMetres, List<String> categories,
            List<String> kinds, String stage, boolean open, boolean premoderation, List<StageDates> stages) {
        Geometry snapped = GeometryPrecisionReducer.reduce(frame.toLonLat(areaMetres), Frame.GRID);
        MultiPolygon area = (MultiPolygon) Frame.asMultiPolygon(
                OverlayNG.overlay(snapped, town.outline(), OverlayNG.INTERSECTION, Frame.GRID)).norm();
        if (area.isEmpty() || !area.isValid()) {
            throw new IllegalStateException("invalid area for project " + title);
        }
        return dated(new Project(title, summary, area, categories, kinds, stage, open, premoderation, admin,
                null, null, stages));
    }

    /** Created three weeks before the think stage; last updated when its current stage began. */
    private static Project dated(Project p) {
        LocalDate thinkStart = p.stages().get(0).startsOn();
        Instant created = Timeline.at(thinkStart.minusDays(21), 10, 15);
        LocalDate stageStart = p.stages().stream().filter(s -> s.stage().equals(p.stage()))
                .findFirst().orElseThrow().startsOn();
        Instant updated = Timeline.latest(created, Timeline.at(stageStart, 9, 0));
        return new Project(p.title(), p.summary(), p.area(), p.categories(), p.geometryKinds(), p.stage(),
                p.open(), p.premoderation(), p.createdBy(), created, updated, p.stages());
    }

    private static Polygon shape(double cx, double cy, double[][] offsets) {
        Coordinate[] ring = new Coordinate[offsets.length + 1];
        for (int i = 0; i < offsets.length; i++) {
            ring[i] = new Coordinate(cx + offsets[i][0], cy + offsets[i][1]);
        }
        ring[offsets.length] = ring[0].copy();
        return Frame.METRES.createPolygon(ring);
    }

    private static List<StageDates> schedule(String... dates) {
        String[] stages = {"think", "decide", "carry_out", "learn"};
        List<StageDates> result = new ArrayList<>();
        for (int i = 0; i < stages.length; i++) {
            result.add(new StageDates(stages[i], LocalDate.parse(dates[2 * i]), LocalDate.parse(dates[2 * i + 1])));
        }
        return result;
    }
}
