package nl.plein.gisdata.demo;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.plein.gisdata.demo.DemoDataset.Account;
import nl.plein.gisdata.demo.DemoDataset.Area;
import nl.plein.gisdata.demo.DemoDataset.Comment;
import nl.plein.gisdata.demo.DemoDataset.Support;
import nl.plein.gisdata.demo.PeopleGenerator.People;
import org.locationtech.jts.geom.Geometry;

/**
 * The quieter majority: a few hundred residents who never draw, but say which buurt they live in,
 * support proposals of the projects nearest to them and now and then leave a comment. Without them
 * the 25 active residents spread over 32 buurten, and the participation pages show "&lt;5" almost
 * everywhere (METHODS.md §9), so the demo would tell planners nothing about who takes part.
 *
 * <p>Where they live is deliberately uneven, as on real platforms: people from the centre take
 * part more than people from the edge of town, so some buurten show rounded counts, the outer ones
 * stay under the small-count threshold, and one populated buurt on the edge, where none of the
 * active residents lives either, has nobody at all: the "whose voice is missing" of the story.
 *
 * <p>Accounts come after the existing ones (the indexes of staff and active residents stay as they
 * are), and this generator has its own random stream, so the rest of the demo is unchanged.
 */
final class NeighbourGenerator {

    /** How many quiet residents; enough that the central buurten pass the small-count threshold. */
    static final int COUNT = 420;

    /** Participation halves every this many metres from the town centre. */
    private static final double CENTRE_HALF_DISTANCE = 900;

    /** Interest in a project halves every this many metres between home and the project. */
    private static final double PROJECT_HALF_DISTANCE = 700;

    /**
     * Most of them support one or two proposals: every support costs the first start a row trigger
     * (support_count) and a version bump, and a person counts once however often they support.
     */
    private static final int MOST_SUPPORTS = 8;

    /** Of them, this share also supports a proposal or two of another project. */
    private static final double SECOND_PROJECT_SHARE = 0.3;

    private static final double COMMENT_SHARE = 0.12;

    private static final List<String> FIRST_NAMES = List.of(
            "Jan", "Marieke", "Kees", "Ingrid", "Hasan", "Yasmina", "Gerrit", "Petra", "Sem", "Julia",
            "Niels", "Fleur", "Ahmed", "Saskia", "Willem", "Esther", "Milan", "Roos", "Dennis", "Linda",
            "Karim", "Hanneke", "Bas", "Nadia", "Erik", "Mirjam", "Stefan", "Sophie", "Rik", "Anouk",
            "Tim", "Lieke", "Youssef", "Carla", "Henk", "Zeynep", "Koen", "Maaike", "Floris", "Amira");

    private static final List<String> SURNAMES = List.of(
            "Jansen", "de Jong", "van den Berg", "Meijer", "Brouwer", "de Wit", "Kok", "Postma", "Huisman",
            "Kuipers", "van der Meer", "Veenstra", "Hoekstra", "Bosman", "Prins", "Schouten", "Vos", "Koster",
            "Dijkstra", "Smits", "Groen", "Ouali", "Aydın", "Bouzid", "Nguyen", "Kaya", "Wijaya", "Boateng",
            "Lammers", "Timmermans", "van Wijk", "Bosch", "Maas", "Verhoeven", "Kramer", "Zijlstra", "Sedney",
            "Pinas", "Ramdin", "Oosterhuis");

    /** What was generated; account indexes already count the accounts before them. */
    record Neighbours(List<Account> accounts, List<Support> supports, List<Comment> comments, int missingArea) {}

    private final Rng rng;
    private final Frame frame;

    NeighbourGenerator(Rng rng, Frame frame) {
        this.rng = rng;
        this.frame = frame;
    }

    Neighbours generate(List<Area> areas, People people, List<ProjectPlan> plans, List<Draft> drafts) {
        int missing = missingArea(areas, people);
        double[] homeWeights = new double[areas.size()];
        for (int i = 0; i < areas.size(); i++) {
            Integer population = areas.get(i).population();
            double size = population == null ? 800 : population; // unknown is not zero
            homeWeights[i] = i == missing ? 0 : size * halving(frame.metresFromCentre(areas.get(i).geom()),
                    CENTRE_HALF_DISTANCE);
        }
        List<List<Integer>> openProposals = new ArrayList<>();
        for (int p = 0; p < plans.size(); p++) {
            openProposals.add(new ArrayList<>());
        }
        for (int d = 0; d < drafts.size(); d++) {
            if (drafts.get(d).isPublic()) {
                openProposals.get(drafts.get(d).plan.index()).add(d);
            }
        }

        List<String> names = names(people);
        int first = people.accounts().size();
        List<Account> accounts = new ArrayList<>();
        List<Support> supports = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            int account = first + n;
            int home = rng.pickWeighted(homeWeights);
            Geometry homeArea = areas.get(home).geom();
            double[] interest = new double[plans.size()];
            for (int p = 0; p < plans.size(); p++) {
                interest[p] = openProposals.get(p).isEmpty() ? 0
                        : halving(frame.metresBetween(homeArea, plans.get(p).project().area()), PROJECT_HALF_DISTANCE);
            }
            int project = rng.pickWeighted(interest);
            List<Integer> chosen = new ArrayList<>(sample(openProposals.get(project), drafts,
                    Math.min(MOST_SUPPORTS, 1 + (int) rng.logNormal(0.8))));
            if (rng.chance(SECOND_PROJECT_SHARE)) {
                interest[project] = 0;
                chosen.addAll(sample(openProposals.get(rng.pickWeighted(interest)), drafts, rng.between(1, 2)));
            }
            Instant firstActivity = null;
            for (int d : chosen) {
                Instant at = Timeline.after(rng, drafts.get(d).publishedAt, 1, 60 * 24);
                supports.add(new Support(d, account, at));
                firstActivity = firstActivity == null || at.isBefore(firstActivity) ? at : firstActivity;
            }
            if (rng.chance(COMMENT_SHARE)) {
                int d = chosen.get(0);
                Draft proposal = drafts.get(d);
                Instant at = Timeline.after(rng, proposal.publishedAt, 1, 45 * 24);
                comments.add(new Comment(d, null, account, rng.pick(Phrases.COMMENTS).in(proposal.english), null,
                        false, at));
                firstActivity = at.isBefore(firstActivity) ? at : firstActivity;
            }
            // They signed up just before they first took part.
            Instant joined = firstActivity.minusSeconds(60L * rng.between(5, 90));
            String name = names.get(n);
            accounts.add(new Account(emailLocal(name) + "@" + Names.EMAIL_DOMAIN, name, "resident", home, joined));
        }
        supports.sort(Comparator.comparing(Support::createdAt));
        comments.sort(Comparator.comparing(Comment::createdAt));
        return new Neighbours(accounts, supports, comments, missing);
    }

    /**
     * The buurt nobody takes part from: of the populated buurten where no active resident lives, the
     * one farthest from the centre (ties by index).
     */
    private int missingArea(List<Area> areas, People people) {
        Set<Integer> lived = new HashSet<>();
        for (Account a : people.accounts()) {
            if (a.homeArea() != null) {
                lived.add(a.homeArea());
            }
        }
        int missing = -1;
        double farthest = -1;
        for (int i = 0; i < areas.size(); i++) {
            Integer population = areas.get(i).population();
            double distance = frame.metresFromCentre(areas.get(i).geom());
            if (population != null && population > 0 && !lived.contains(i) && distance > farthest) {
                missing = i;
                farthest = distance;
            }
        }
        if (missing < 0) {
            throw new IllegalStateException("every populated buurt has an active resident; none can be missing");
        }
        return missing;
    }

    /** Distinct names that no active resident has, in a random order. */
    private List<String> names(People people) {
        Set<String> taken = new HashSet<>();
        people.accounts().forEach(a -> taken.add(emailLocal(a.displayName())));
        List<String> all = new ArrayList<>();
        for (String first : FIRST_NAMES) {
            for (String last : SURNAMES) {
                String name = first + " " + last;
                if (!taken.contains(emailLocal(name))) {
                    all.add(name);
                }
            }
        }
        List<String> shuffled = new ArrayList<>();
        while (shuffled.size() < COUNT) {
            shuffled.add(all.remove(rng.nextInt(all.size())));
        }
        return shuffled;
    }

    /** "Hasan Aydın" becomes "hasan.aydin", "Jan van den Berg" "jan.vandenberg". */
    static String emailLocal(String displayName) {
        String plain = Normalizer.normalize(displayName.replace('ı', 'i'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        int space = plain.indexOf(' ');
        return plain.substring(0, space).replaceAll("[^a-z]", "") + "."
                + plain.substring(space + 1).replaceAll("[^a-z]", "");
    }

    /** Up to wanted distinct proposals, popular ones more likely (Efraimidis–Spirakis, as for supports). */
    private List<Integer> sample(List<Integer> candidates, List<Draft> drafts, int wanted) {
        double[] keys = new double[candidates.size()];
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < keys.length; c++) {
            keys[c] = StrictMath.log(1.0 - rng.uniform()) / (0.2 + drafts.get(candidates.get(c)).popularity);
            order.add(c);
        }
        order.sort(Comparator.comparingDouble((Integer c) -> keys[c]).reversed().thenComparing(c -> c));
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < Math.min(wanted, order.size()); c++) {
            chosen.add(candidates.get(order.get(c)));
        }
        return chosen;
    }

    private static double halving(double metres, double halfDistance) {
        return StrictMath.pow(0.5, metres / halfDistance);
    }
}
