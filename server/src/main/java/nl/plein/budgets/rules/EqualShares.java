package nl.plein.budgets.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Method of Equal Shares (Peters and Skowron) with cost satisfaction, as Wieliczka (2023) and
 * Świecie ran it: Equal Shares ({@link FixedBudget}), the add1 completion, then the rest of the
 * budget filled greedily; optionally the comparison step with greedy. METHODS.md, "Participatory
 * budgeting", states every step and the tie-break.
 */
public final class EqualShares {
    private EqualShares() {
    }

    /** The comparison step: none, or switch to greedy when more voters prefer greedy's outcome. */
    public enum Comparison {
        NONE,
        /** A voter prefers the outcome funding more of the items on their ballot (equalshares.net "satisfaction"). */
        SATISFACTION
    }

    /**
     * How the rule is run.
     *
     * @param add1 raise every voter's starting money by 1 unit at a time while the outcome's total
     *     cost stays within the budget, and keep the last such outcome
     * @param stopWhenExhaustive stop raising as soon as the outcome can take no further item (the
     *     "exhaustive" option of equalshares.net; Plein's own rule continues past it)
     * @param integralStart start from the budget per voter rounded down to a whole unit
     * @param greedyFill fill what is left of the budget greedily by votes after Equal Shares
     * @param comparison the comparison step with greedy
     */
    public record Options(boolean add1, boolean stopWhenExhaustive, boolean integralStart, boolean greedyFill,
                          Comparison comparison) {
        /** Plein's rule: add1 completion (also past an exhaustive outcome), then greedy fill; no comparison. */
        public static final Options PLEIN = new Options(true, false, false, true, Comparison.NONE);
        /**
         * Pabulib {@code equalshares/add1}: add1 completion without the greedy fill (equalshares.net's
         * "add1"; Assen 2024 funds exactly this, and Świecie 2023 is the same either way).
         */
        public static final Options ADD1 = new Options(true, false, false, false, Comparison.NONE);
        /** Pabulib {@code equalshares/add1-comparison} (Wieliczka 2023): add1, then the comparison step. */
        public static final Options ADD1_COMPARISON = new Options(true, false, false, false, Comparison.SATISFACTION);
        /** Equal Shares alone: no completion, no fill. */
        public static final Options PLAIN = new Options(false, false, false, false, Comparison.NONE);
    }

    /**
     * What happened, for the method text and the results page.
     *
     * @param byEqualShares items funded by Equal Shares (after add1), in order
     * @param byFill items added by the greedy fill, in order
     * @param perVoterNum the starting money per voter of the kept Equal Shares run, as a fraction
     * @param add1Steps how many times the money per voter was raised by 1 unit and kept
     * @param prefersEqualShares voters preferring the Equal Shares outcome (comparison step; 0 without it)
     * @param prefersGreedy voters preferring greedy's outcome
     * @param switchedToGreedy whether the comparison step chose greedy's outcome
     */
    public record Details(Outcome outcome, List<String> byEqualShares, List<String> byFill, BigInteger perVoterNum,
                          BigInteger perVoterDen, long add1Steps, long prefersEqualShares, long prefersGreedy,
                          boolean switchedToGreedy) {
    }

    /** Plein's Equal Shares: add1 completion, then greedy on what is left of the budget. */
    public static Outcome run(Election election) {
        return run(election, Options.PLEIN);
    }

    public static Outcome run(Election election, Options options) {
        return details(election, options).outcome();
    }

    public static Details details(Election election, Options options) {
        Profile profile = new Profile(election);
        long budget = election.budget();
        long n = profile.voters;
        Map<String, Long> votes = Tally.votes(election);
        int[] mes = new int[0];
        BigInteger num = BigInteger.ZERO;
        BigInteger den = BigInteger.ONE;
        long steps = 0;
        if (n > 0) {
            BigInteger voters = BigInteger.valueOf(n);
            num = BigInteger.valueOf(budget);
            den = voters;
            if (options.integralStart()) {
                num = BigInteger.valueOf(budget / n);
                den = BigInteger.ONE;
            }
            mes = FixedBudget.run(profile, num, den);
            if (options.add1()) {
                Add1 add1 = add1(profile, budget, mes, num, den, options.stopWhenExhaustive());
                mes = add1.funded;
                num = add1.num;
                steps = add1.steps;
            }
        }
        List<String> byMes = new ArrayList<>();
        long spent = 0;
        for (int j : mes) {
            byMes.add(profile.items[j].id());
            spent += profile.cost(j);
        }
        List<String> byFill = options.greedyFill()
                ? Greedy.fill(election, votes, byMes, budget - spent) : List.of();
        List<String> funded = new ArrayList<>(byMes);
        funded.addAll(byFill);
        spent += cost(election, byFill);
        Outcome outcome = new Outcome(funded, spent, votes);
        if (options.comparison() == Comparison.NONE) {
            return new Details(outcome, byMes, byFill, num, den, steps, 0, 0, false);
        }
        Outcome greedy = Greedy.run(election);
        long[] prefer = compare(profile, funded, greedy.funded());
        boolean switched = prefer[1] > prefer[0];
        return new Details(switched ? greedy : outcome, byMes, byFill, num, den, steps, prefer[0], prefer[1], switched);
    }

    private record Add1(int[] funded, BigInteger num, long steps) {
    }

    /**
     * The add1 completion (ANALYSIS.md §10): raise the money per voter by 1 unit at a time and rerun,
     * as long as the outcome's total cost stays within the budget; keep the last such outcome. Once
     * every voter could pay for every supported item alone, more money changes nothing, so the
     * search stops there (and starts there when all supported items fit the budget together).
     */
    private static Add1 add1(Profile profile, long budget, int[] first, BigInteger num, BigInteger den,
                             boolean stopWhenExhaustive) {
        long supportedCost = 0;
        for (int j = 0; j < profile.items.length; j++) {
            if (profile.pointWeight[j] > 0) {
                supportedCost += profile.cost(j);
            }
        }
        BigInteger enough = BigInteger.valueOf(supportedCost).multiply(den);
        if (supportedCost <= budget && !stopWhenExhaustive) {
            BigInteger most = num.max(enough);
            return new Add1(FixedBudget.run(profile, most, den), most, 0);
        }
        int[] kept = first;
        BigInteger keptNum = num;
        long steps = 0;
        while (keptNum.compareTo(enough) < 0) {
            if (stopWhenExhaustive && exhaustive(profile, kept, budget)) {
                break;
            }
            BigInteger next = keptNum.add(den);
            int[] outcome = FixedBudget.run(profile, next, den);
            if (cost(profile, outcome) > budget) {
                break;
            }
            kept = outcome;
            keptNum = next;
            steps++;
        }
        return new Add1(kept, keptNum, steps);
    }

    private static boolean exhaustive(Profile profile, int[] funded, long budget) {
        long left = budget - cost(profile, funded);
        Set<Integer> in = new HashSet<>();
        for (int j : funded) {
            in.add(j);
        }
        for (int j = 0; j < profile.items.length; j++) {
            if (!in.contains(j) && profile.cost(j) <= left) {
                return false;
            }
        }
        return true;
    }

    /** Voters (weighted) preferring outcome a, and preferring outcome b, by funded items on their ballot. */
    private static long[] compare(Profile profile, List<String> a, List<String> b) {
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < profile.items.length; j++) {
            index.put(profile.items[j].id(), j);
        }
        boolean[] inA = new boolean[profile.items.length];
        boolean[] inB = new boolean[profile.items.length];
        a.forEach(id -> inA[index.get(id)] = true);
        b.forEach(id -> inB[index.get(id)] = true);
        long prefersA = 0;
        long prefersB = 0;
        for (int g = 0; g < profile.groupItems.length; g++) {
            int satA = 0;
            int satB = 0;
            for (int j : profile.groupItems[g]) {
                satA += inA[j] ? 1 : 0;
                satB += inB[j] ? 1 : 0;
            }
            if (satA > satB) {
                prefersA += profile.weight[g];
            } else if (satB > satA) {
                prefersB += profile.weight[g];
            }
        }
        return new long[] {prefersA, prefersB};
    }

    private static long cost(Profile profile, int[] funded) {
        long sum = 0;
        for (int j : funded) {
            sum += profile.cost(j);
        }
        return sum;
    }

    private static long cost(Election election, List<String> ids) {
        Map<String, Election.Item> byId = Tally.byId(election);
        long sum = 0;
        for (String id : ids) {
            sum += byId.get(id).cost();
        }
        return sum;
    }
}
