package nl.plein.gisdata.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plein.gisdata.demo.DemoDataset.Comment;
import nl.plein.gisdata.demo.DemoDataset.ModerationEntry;
import nl.plein.gisdata.demo.PeopleGenerator.People;
import org.locationtech.jts.geom.Geometry;

/**
 * Comment threads: top-level reactions (some with a small drawing pointing at part of the
 * proposal), replies up to two levels deep, now and then an answer from the planner, and a few
 * comments a moderator hid.
 */
final class CommentGenerator {

    private static final double REPLY_SHARE = 0.45;
    /** Of top-level comments; with replies never drawing, about 10 % of all comments have a drawing. */
    private static final double POINTER_SHARE = 0.15;
    private static final int HIDDEN = 3;

    private final Rng rng;
    private final Frame frame;
    private final People people;
    private final Shapes shapes;
    private final List<ModerationEntry> moderation = new ArrayList<>();

    CommentGenerator(Rng rng, Frame frame, People people) {
        this.rng = rng;
        this.frame = frame;
        this.people = people;
        this.shapes = new Shapes(rng);
    }

    List<ModerationEntry> moderation() {
        return moderation;
    }

    /** A comment before list positions are final; parent is the comment it answers. */
    private static final class Pending {
        final int proposal;
        final Pending parent;
        final int depth;
        final int author;
        final boolean english;
        String body;
        final Geometry geom;
        boolean hidden;
        final Instant createdAt;

        Pending(int proposal, Pending parent, int author, boolean english, String body, Geometry geom,
                Instant createdAt) {
            this.proposal = proposal;
            this.parent = parent;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.author = author;
            this.english = english;
            this.body = body;
            this.geom = geom;
            this.createdAt = createdAt;
        }
    }

    List<Comment> generate(List<Draft> proposals, int count) {
        double[] weights = new double[proposals.size()];
        for (int i = 0; i < weights.length; i++) {
            var p = proposals.get(i);
            // Even unremarkable proposals get the odd reaction, hence the floor.
            weights[i] = p.isPublic() ? 0.3 + p.popularity : 0;
        }
        Map<Integer, List<Pending>> threads = new TreeMap<>();
        List<Pending> all = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int index = rng.pickWeighted(weights);
            var proposal = proposals.get(index);
            List<Pending> thread = threads.computeIfAbsent(index, k -> new ArrayList<>());
            // Most people write in the proposal's language; some answer in the other one.
            boolean english = rng.chance(0.1) ? !proposal.english : proposal.english;
            Pending comment = !thread.isEmpty() && rng.chance(REPLY_SHARE)
                    ? reply(index, rng.pick(thread), english)
                    : topLevel(index, proposal, english);
            thread.add(comment);
            all.add(comment);
        }
        all.sort(Comparator.comparing(c -> c.createdAt)); // stable, and replies are later than parents
        hideSome(all);

        Map<Pending, Integer> position = new IdentityHashMap<>();
        List<Comment> comments = new ArrayList<>();
        for (Pending c : all) {
            position.put(c, comments.size());
            Integer parent = c.parent == null ? null : position.get(c.parent);
            comments.add(new Comment(c.proposal, parent, c.author, c.body, c.geom, c.hidden, c.createdAt));
        }
        return comments;
    }

    private Pending topLevel(int index, Draft proposal, boolean english) {
        int author = people.pickResident(rng, proposal.author);
        Instant at = Timeline.after(rng, proposal.publishedAt, 1, 45 * 24);
        if (rng.chance(POINTER_SHARE)) {
            Geometry pointer = frame.toLonLat(shapes.pointer(proposal.metres));
            if (pointer.isValid()) {
                return new Pending(index, null, author, english, rng.pick(Phrases.POINTERS).in(english), pointer, at);
            }
        }
        return new Pending(index, null, author, english, rng.pick(Phrases.COMMENTS).in(english), null, at);
    }

    private Pending reply(int index, Pending to, boolean english) {
        Pending parent = to.depth >= 2 ? to.parent : to; // threads stay shallow enough to read
        Instant at = Timeline.after(rng, parent.createdAt, 1, 72);
        if (parent.author != PeopleGenerator.PLANNER && rng.chance(0.12)) {
            return new Pending(index, parent, PeopleGenerator.PLANNER, english,
                    rng.pick(Phrases.PLANNER_REPLIES).in(english), null, at);
        }
        int author = people.pickResident(rng, parent.author);
        return new Pending(index, parent, author, english, rng.pick(Phrases.REPLIES).in(english), null, at);
    }

    /** A few residents' comments broke the house rules and were hidden, with the reason logged. */
    private void hideSome(List<Pending> all) {
        for (int h = 0; h < HIDDEN; h++) {
            Phrases.Hidden rule = Phrases.HIDDEN_COMMENTS.get(h % Phrases.HIDDEN_COMMENTS.size());
            for (int tries = 0; tries < 1000; tries++) {
                int i = rng.nextInt(all.size());
                Pending c = all.get(i);
                if (c.hidden || c.author == PeopleGenerator.PLANNER || c.geom != null) {
                    continue;
                }
                c.hidden = true;
                c.body = rule.body().in(c.english);
                moderation.add(new ModerationEntry("comment", i, "hide", rule.reason().in(c.english),
                        PeopleGenerator.MODERATOR, Timeline.after(rng, c.createdAt, 1, 12)));
                break;
            }
        }
    }
}
