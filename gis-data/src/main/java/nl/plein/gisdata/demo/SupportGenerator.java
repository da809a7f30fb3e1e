package nl.plein.gisdata.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.plein.gisdata.demo.DemoDataset.Support;
import nl.plein.gisdata.demo.PeopleGenerator.People;

/**
 * Supports ("+1"): at most one per resident per proposal, never by the author, many on popular
 * proposals and few on the rest. Supporters are sampled without replacement, weighted by how
 * active each resident is, so the same engaged people show up across proposals.
 */
final class SupportGenerator {

    /** Supports per unit of popularity; tuned so the demo has a few thousand in total. */
    private static final double PER_POPULARITY = 5.0;

    private final Rng rng;
    private final People people;

    SupportGenerator(Rng rng, People people) {
        this.rng = rng;
        this.people = people;
    }

    List<Support> generate(List<Draft> drafts) {
        List<Support> supports = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (d.publishedAt == null) {
                continue; // waiting for moderation: invisible, so unsupported
            }
            List<Integer> eligible = new ArrayList<>(people.residents());
            eligible.remove(Integer.valueOf(d.author));
            int wanted = (int) Math.min(eligible.size(), Math.round(PER_POPULARITY * d.popularity));
            for (int account : sample(eligible, wanted)) {
                supports.add(new Support(i, account, Timeline.after(rng, d.publishedAt, 1, 60 * 24)));
            }
        }
        supports.sort(Comparator.comparing(Support::createdAt));
        return supports;
    }

    /**
     * Weighted sampling without replacement (Efraimidis–Spirakis): every candidate gets the key
     * u^(1/weight) and the largest keys win. Distinct by construction.
     */
    private List<Integer> sample(List<Integer> candidates, int wanted) {
        double[] keys = new double[candidates.size()];
        for (int c = 0; c < keys.length; c++) {
            double weight = people.activity()[people.residents().indexOf(candidates.get(c))];
            keys[c] = StrictMath.log(1.0 - rng.uniform()) / weight; // log of the key: same order
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < keys.length; c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingDouble((Integer c) -> keys[c]).reversed().thenComparing(c -> c));
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < wanted; c++) {
            chosen.add(candidates.get(order.get(c)));
        }
        return chosen;
    }
}
