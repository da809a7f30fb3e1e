package nl.plein.gisdata.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.plein.gisdata.demo.DemoDataset.Account;
import nl.plein.gisdata.demo.DemoDataset.AreaSet;
import nl.plein.gisdata.demo.DemoDataset.Comment;
import nl.plein.gisdata.demo.DemoDataset.Decision;
import nl.plein.gisdata.demo.DemoDataset.ModerationEntry;
import nl.plein.gisdata.demo.DemoDataset.Place;
import nl.plein.gisdata.demo.DemoDataset.Project;
import nl.plein.gisdata.demo.DemoDataset.Proposal;
import nl.plein.gisdata.demo.DemoDataset.Support;
import nl.plein.gisdata.demo.DemoDataset.Variant;
import nl.plein.gisdata.demo.PeopleGenerator.People;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * Generates the whole demo dataset from one seed. Pure: no I/O, no clock, no files; the same seed
 * gives the same dataset on every run and every machine.
 */
final class DemoGenerator {

    /** The seed of the published demo. Changing it changes the demo everyone sees. */
    static final long SEED = 20_261_120L;

    static final int VARIANTS = 40;
    static final int COMMENTS = 300;

    private DemoGenerator() {}

    static DemoDataset generate() {
        return generate(SEED);
    }

    static DemoDataset generate(long seed) {
        Frame frame = new Frame();
        Town town = new TownGenerator(new Rng(seed, "town"), frame).generate();
        People people = new PeopleGenerator(new Rng(seed, "people")).generate(town.areas());
        List<ProjectPlan> plans = new ProjectGenerator(frame, town, PeopleGenerator.ADMIN).generate();

        List<Draft> drafts = new ProposalGenerator(new Rng(seed, "proposals"), frame, town, people).generate(plans);
        HistoryGenerator history = new HistoryGenerator(new Rng(seed, "history"));
        history.generate(drafts);
        List<Variant> variants = new VariantGenerator(new Rng(seed, "variants"), frame, people)
                .generate(drafts, VARIANTS);
        CommentGenerator commentGenerator = new CommentGenerator(new Rng(seed, "comments"), frame, people);
        List<Comment> comments = commentGenerator.generate(drafts, COMMENTS);
        List<Support> supports = new ArrayList<>(new SupportGenerator(new Rng(seed, "supports"), people).generate(drafts));
        NeighbourGenerator.Neighbours neighbours = new NeighbourGenerator(new Rng(seed, "neighbours"), frame)
                .generate(town.areas(), people, plans, drafts);
        List<Account> accounts = new ArrayList<>(people.accounts());
        accounts.addAll(neighbours.accounts());
        supports.addAll(neighbours.supports());
        supports.sort(Comparator.comparing(Support::createdAt)); // stable: equal times keep their order

        List<ModerationEntry> moderation = new ArrayList<>(history.moderation());
        int[] commentPosition = merge(comments, neighbours.comments());
        comments = renumber(comments, neighbours.comments(), commentPosition);
        for (ModerationEntry m : commentGenerator.moderation()) {
            moderation.add(new ModerationEntry(m.targetKind(), commentPosition[m.target()], m.action(), m.reason(),
                    m.moderator(), m.at()));
        }
        moderation.sort(Comparator.comparing(ModerationEntry::at));
        List<Decision> decisions = new ArrayList<>(history.decisions());
        decisions.sort(Comparator.comparing(Decision::decidedAt)); // stable, so per proposal still in order

        List<Project> projects = plans.stream().map(ProjectPlan::project).toList();
        List<Place> places = places(plans, frame);
        List<Proposal> proposals = drafts.stream().map(Draft::toRow).toList();
        AreaSet areaSet = new AreaSet(Names.MUNICIPALITY + " buurten (demo)", "neighbourhood",
                "Plein demo generator", Timeline.at(LocalDate.of(2025, 12, 1), 9, 0));
        return new DemoDataset(areaSet, town.areas(), accounts, projects, places, proposals, decisions,
                variants, comments, supports, moderation);
    }

    /**
     * Where each comment of first and then of second (both in time order) stands when the two lists
     * are merged in time order, the first list's comments before the second's at equal times.
     */
    static int[] merge(List<Comment> first, List<Comment> second) {
        int[] position = new int[first.size() + second.size()];
        int i = 0;
        int j = 0;
        while (i < first.size() || j < second.size()) {
            boolean takeFirst = j == second.size()
                    || i < first.size() && !first.get(i).createdAt().isAfter(second.get(j).createdAt());
            if (takeFirst) {
                position[i] = i + j;
                i++;
            } else {
                position[first.size() + j] = i + j;
                j++;
            }
        }
        return position;
    }

    /** Both lists as one, at the given positions, with replies pointing at their parent's new position. */
    static List<Comment> renumber(List<Comment> first, List<Comment> second, int[] position) {
        Comment[] merged = new Comment[position.length];
        for (int k = 0; k < position.length; k++) {
            Comment c = k < first.size() ? first.get(k) : second.get(k - first.size());
            int parentOffset = k < first.size() ? 0 : first.size();
            Integer parent = c.parent() == null ? null : position[parentOffset + c.parent()];
            merged[position[k]] = new Comment(c.proposal(), parent, c.author(), c.body(), c.geom(), c.hidden(),
                    c.createdAt());
        }
        return List.of(merged);
    }

    /**
     * The hot spots residents draw near are the places they would name: "bij de fontein" becomes
     * the place "De fontein", at the hot spot's centre (which the project generator keeps inside).
     */
    static List<Place> places(List<ProjectPlan> plans, Frame frame) {
        List<Place> places = new ArrayList<>();
        for (ProjectPlan plan : plans) {
            for (ProjectPlan.HotSpot spot : plan.hotSpots()) {
                String near = spot.nearNl();
                String name = near.substring(near.indexOf(' ') + 1);
                Point at = (Point) frame.toLonLat(Frame.METRES.createPoint(new Coordinate(spot.x(), spot.y())));
                places.add(new Place(plan.index(), Character.toUpperCase(name.charAt(0)) + name.substring(1), at));
            }
        }
        return places;
    }
}
