package nl.plein.gisdata.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.plein.gisdata.demo.DemoDataset.StageDates;
import nl.plein.gisdata.demo.PeopleGenerator.People;
import nl.plein.gisdata.demo.ProjectPlan.Category;
import nl.plein.gisdata.demo.ProjectPlan.HotSpot;
import nl.plein.gisdata.demo.Texts.Idea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Draws the proposals: what (category, kind, text), where and when.
 *
 * <p>Positions follow a Thomas cluster process: most drawings scatter normally around a
 * project's hot spots (the fountain, the school gate), the rest fall anywhere in the area. That
 * is what real participation maps look like, and it gives heat maps something to show.
 */
final class ProposalGenerator {

    /** Attempts at a drawing that fits the project before giving up on that proposal. */
    private static final int ATTEMPTS = 40;
    private static final double MULTI_SHARE = 0.035;

    private final Rng rng;
    private final Frame frame;
    private final Town town;
    private final People people;
    private final Shapes shapes;

    ProposalGenerator(Rng rng, Frame frame, Town town, People people) {
        this.rng = rng;
        this.frame = frame;
        this.town = town;
        this.people = people;
        this.shapes = new Shapes(rng);
    }

    /** All drafts, in the order they were submitted (which becomes the order of their ids). */
    List<Draft> generate(List<ProjectPlan> plans) {
        List<Draft> drafts = new ArrayList<>();
        for (ProjectPlan plan : plans) {
            PreparedGeometry areaMetres = PreparedGeometryFactory.prepare(plan.areaMetres());
            for (int i = 0; i < plan.proposalCount(); i++) {
                Draft draft = draw(plan, areaMetres);
                if (draft != null) {
                    drafts.add(draft);
                }
            }
        }
        drafts.sort(Comparator.comparing(d -> d.createdAt)); // stable: ties keep generation order
        return drafts;
    }

    private Draft draw(ProjectPlan plan, PreparedGeometry areaMetres) {
        Category category = rng.pick(plan.categories());
        Kind kind = kind(plan, category.theme());
        Idea idea = rng.pick(ideas(category.theme(), kind));
        boolean english = rng.chance(plan.englishShare());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int spot = plan.backgroundShare() > rng.uniform() ? -1 : pickSpot(plan);
            Coordinate at = spot < 0 ? anywhere(plan, areaMetres) : near(plan.hotSpots().get(spot));
            Geometry metres = shapes.make(kind, at, plan.scale());
            Geometry lonLat = frame.toLonLat(metres);
            if (!plan.fits(lonLat)) {
                continue;
            }
            Integer area = town.areaIndexAt(lonLat);
            String title = idea.title(english, place(plan, at, area, english));
            StageDates think = plan.stage("think");
            return new Draft(plan, people.pickResident(rng), category.name(), english, title,
                    description(idea, english), metres, lonLat, area,
                    Timeline.during(rng, think.startsOn(), think.endsOn()));
        }
        return null;
    }

    /** Mostly single points, lines and polygons; now and then several at once. */
    private Kind kind(ProjectPlan plan, Theme theme) {
        if (rng.chance(MULTI_SHARE)) {
            List<Kind> multi = new ArrayList<>();
            for (Kind k : Kind.values()) {
                if (k.isMulti() && plan.allows(k) && !ideas(theme, k).isEmpty()) {
                    multi.add(k);
                }
            }
            if (!multi.isEmpty()) {
                return rng.pick(multi);
            }
        }
        Kind[] single = {Kind.POINT, Kind.LINE, Kind.POLYGON};
        double[] weights = {0.5, 0.25, 0.25};
        for (int i = 0; i < single.length; i++) {
            if (!plan.allows(single[i]) || ideas(theme, single[i]).isEmpty()) {
                weights[i] = 0;
            }
        }
        return single[rng.pickWeighted(weights)];
    }

    private static List<Idea> ideas(Theme theme, Kind kind) {
        return Texts.IDEAS.stream().filter(i -> i.theme() == theme && i.kind() == kind).toList();
    }

    private int pickSpot(ProjectPlan plan) {
        double[] weights = plan.hotSpots().stream().mapToDouble(HotSpot::weight).toArray();
        return rng.pickWeighted(weights);
    }

    private Coordinate near(HotSpot spot) {
        return new Coordinate(spot.x() + spot.sigma() * rng.gaussian(), spot.y() + spot.sigma() * rng.gaussian());
    }

    /** Uniform over the area, by rejection from its bounding box. */
    private Coordinate anywhere(ProjectPlan plan, PreparedGeometry areaMetres) {
        Envelope env = plan.areaMetres().getEnvelopeInternal();
        while (true) {
            Coordinate c = new Coordinate(rng.uniform(env.getMinX(), env.getMaxX()),
                    rng.uniform(env.getMinY(), env.getMaxY()));
            if (areaMetres.contains(Frame.METRES.createPoint(c))) {
                return c;
            }
        }
    }

    /** "bij de fontein" when a hot spot is close, otherwise the project's or neighbourhood's name. */
    private String place(ProjectPlan plan, Coordinate at, Integer area, boolean english) {
        for (HotSpot spot : plan.hotSpots()) {
            if (StrictMath.hypot(at.x - spot.x(), at.y - spot.y()) <= 2 * spot.sigma()) {
                return english ? spot.nearEn() : spot.nearNl();
            }
        }
        if (plan.around() != null) {
            return plan.around().in(english);
        }
        String name = area == null ? Names.MUNICIPALITY : town.areas().get(area).name();
        if (name.equals(Names.CENTRE_NEIGHBOURHOOD)) {
            return english ? "in the town centre" : "in het centrum";
        }
        return "in " + name;
    }

    /** The idea's own sentence plus zero to two personal reasons. */
    private String description(Idea idea, boolean english) {
        List<String> motivations = new ArrayList<>(english ? Texts.MOTIVATION_EN : Texts.MOTIVATION_NL);
        StringBuilder text = new StringBuilder(idea.body(english));
        int extra = rng.between(0, 2);
        for (int i = 0; i < extra; i++) {
            text.append(' ').append(motivations.remove(rng.nextInt(motivations.size())));
        }
        return text.toString();
    }
}
