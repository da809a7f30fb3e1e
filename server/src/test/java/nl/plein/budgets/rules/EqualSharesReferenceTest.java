package nl.plein.budgets.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * Equal Shares against a second, deliberately plain implementation written from the definition
 * (METHODS.md §11.2–11.3): one money value per voter as a commons-math BigFraction, every item
 * evaluated every round by sorting its supporters, no grouping and no lazy bounds. Random small
 * instances with many ties (costs from a few values, few voters) must give the same funded items in
 * the same order.
 */
class EqualSharesReferenceTest {

    @Test
    void agreesWithAPlainImplementationOnRandomApprovalAndCumulativeInstances() {
        Random random = new Random(20230421);
        for (int round = 0; round < 400; round++) {
            Election e = randomElection(random, round % 2 == 1);
            assertEquals(reference(e, false), EqualShares.run(e, EqualShares.Options.PLAIN).funded(), "plain, " + e);
            assertEquals(reference(e, true), EqualShares.run(e, EqualShares.Options.PLEIN).funded(), "add1 + fill, " + e);
        }
    }

    private static Election randomElection(Random random, boolean cumulative) {
        int m = 2 + random.nextInt(6);
        List<Election.Item> items = new ArrayList<>();
        for (int j = 1; j <= m; j++) {
            items.add(new Election.Item(Integer.toString(j == m ? 10 : j), 5L * (1 + random.nextInt(5))));
        }
        int n = 1 + random.nextInt(10);
        List<Election.Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> ids = new ArrayList<>();
            List<Integer> points = new ArrayList<>();
            for (Election.Item item : items) {
                if (random.nextInt(3) == 0) {
                    ids.add(item.id());
                    points.add(cumulative ? 1 + random.nextInt(3) : 1);
                }
            }
            ballots.add(new Election.Ballot(ids, points));
        }
        return new Election(10 + random.nextInt(60), items, ballots);
    }

    /** Equal Shares from the definition; with add1, the completion and the greedy fill. */
    static List<String> reference(Election e, boolean complete) {
        int n = e.ballots().size();
        if (n == 0) {
            return List.of();
        }
        BigFraction start = new BigFraction(BigInteger.valueOf(e.budget()), BigInteger.valueOf(n));
        List<String> outcome = run(e, start);
        if (!complete) {
            return outcome;
        }
        Map<String, Long> votes = votes(e);
        long supported = 0;
        for (Election.Item item : e.items()) {
            supported += votes.get(item.id()) > 0 ? item.cost() : 0;
        }
        for (int k = 1; start.add(k - 1).compareTo(new BigFraction(supported)) < 0; k++) {
            List<String> next = run(e, start.add(k));
            if (cost(e, next) > e.budget()) {
                break;
            }
            outcome = next;
        }
        List<String> funded = new ArrayList<>(outcome);
        long left = e.budget() - cost(e, funded);
        List<Election.Item> order = new ArrayList<>(e.items());
        order.sort(order(votes));
        for (Election.Item item : order) {
            if (votes.get(item.id()) > 0 && !funded.contains(item.id()) && item.cost() <= left) {
                funded.add(item.id());
                left -= item.cost();
            }
        }
        return funded;
    }

    private static List<String> run(Election e, BigFraction start) {
        int n = e.ballots().size();
        BigFraction[] money = new BigFraction[n];
        java.util.Arrays.fill(money, start);
        Map<String, Long> votes = votes(e);
        Comparator<Election.Item> order = order(votes);
        List<String> funded = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (true) {
            Election.Item best = null;
            BigFraction bestRate = null;
            for (Election.Item item : e.items()) {
                if (done.contains(item.id()) || item.cost() == 0) {
                    continue;
                }
                BigFraction rate = rate(e, money, item);
                if (rate == null) {
                    continue;
                }
                // ρ = rate per point / cost; the smaller the better, ties by votes, cost, id.
                BigFraction rho = rate.divide(item.cost());
                if (best == null || rho.compareTo(bestRate) < 0 || rho.compareTo(bestRate) == 0 && order.compare(item, best) < 0) {
                    best = item;
                    bestRate = rho;
                }
            }
            if (best == null) {
                return funded;
            }
            BigFraction rate = rate(e, money, best);
            for (int i = 0; i < n; i++) {
                int at = e.ballots().get(i).itemIds().indexOf(best.id());
                if (at >= 0) {
                    BigFraction due = rate.multiply(e.ballots().get(i).points().get(at));
                    money[i] = money[i].compareTo(due) <= 0 ? BigFraction.ZERO : money[i].subtract(due);
                }
            }
            funded.add(best.id());
            done.add(best.id());
        }
    }

    /** The smallest payment per point r with sum over supporters of min(money, r · points) = cost; null if none. */
    private static BigFraction rate(Election e, BigFraction[] money, Election.Item item) {
        List<int[]> supporters = new ArrayList<>();
        for (int i = 0; i < money.length; i++) {
            int at = e.ballots().get(i).itemIds().indexOf(item.id());
            if (at >= 0) {
                supporters.add(new int[] {i, e.ballots().get(i).points().get(at)});
            }
        }
        if (supporters.isEmpty()) {
            return null;
        }
        supporters.sort((a, b) -> money[a[0]].divide(a[1]).compareTo(money[b[0]].divide(b[1])));
        BigFraction paid = BigFraction.ZERO;
        long points = 0;
        for (int[] s : supporters) {
            points += s[1];
        }
        for (int[] s : supporters) {
            BigFraction r = new BigFraction(item.cost()).subtract(paid).divide(points);
            if (money[s[0]].compareTo(r.multiply(s[1])) >= 0) {
                return r;
            }
            paid = paid.add(money[s[0]]);
            points -= s[1];
            if (points == 0) {
                return null;
            }
        }
        return null;
    }

    private static Map<String, Long> votes(Election e) {
        Map<String, Long> votes = new HashMap<>();
        e.items().forEach(item -> votes.put(item.id(), 0L));
        for (Election.Ballot b : e.ballots()) {
            for (int i = 0; i < b.itemIds().size(); i++) {
                votes.merge(b.itemIds().get(i), (long) b.points().get(i), Long::sum);
            }
        }
        return votes;
    }

    private static Comparator<Election.Item> order(Map<String, Long> votes) {
        return Comparator.<Election.Item>comparingLong(item -> -votes.get(item.id()))
                .thenComparingLong(Election.Item::cost)
                .thenComparing(item -> new BigInteger(item.id()));
    }

    private static long cost(Election e, List<String> ids) {
        long sum = 0;
        for (Election.Item item : e.items()) {
            sum += ids.contains(item.id()) ? item.cost() : 0;
        }
        return sum;
    }
}
