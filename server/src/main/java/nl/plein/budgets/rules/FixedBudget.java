package nl.plein.budgets.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run of the Method of Equal Shares with a fixed starting amount of money per voter, in exact
 * arithmetic (METHODS.md, "Participatory budgeting").
 *
 * <p>Utility: voter i's utility for item j is u_ij = points_ij · cost_j (cost satisfaction; an
 * approval ballot gives 1 point). Item j is ρ-affordable when its supporters, each paying
 * min(money_i, ρ · u_ij), together cover cost_j; the rule funds the item with the smallest such ρ
 * (equivalently, for approval ballots, the highest effective vote count cost_j / payment), charges
 * its supporters, and repeats until no item is affordable. Ties in ρ: more votes, then lower cost,
 * then lower id ({@link Tally#TIE_BREAK}).
 *
 * <p>Exact and fast: all money is held as BigInteger numerators over one common denominator
 * {@code den}, so comparing two voters' money is comparing two integers; funding an item multiplies
 * the denominator by the (reduced) number of points that pay in full. Voters with identical ballots
 * are one weighted group. Each item keeps its last ρ, which can only grow as money only falls, so
 * a round evaluates items in order of their last ρ and stops as soon as that bound is worse than
 * the best item found (lazy re-evaluation).
 */
final class FixedBudget {
    private final Profile profile;
    private final BigInteger[] money;
    /**
     * The common denominator changes with every funded item; a voter group's money is brought to
     * the current one only when it is next read. {@code epoch[g]} is the change its money was last
     * brought to, and {@code since.get(e)} the product of the factors after change e.
     */
    private final int[] epoch;
    /** Each group's money as a double, within a relative 2^-50 of the exact value: a fast first look. */
    private final double[] approx;
    private final List<BigInteger> since = new ArrayList<>(List.of(BigInteger.ONE));
    private BigInteger den;

    private FixedBudget(Profile profile, BigInteger startNum, BigInteger startDen) {
        this.profile = profile;
        this.money = new BigInteger[profile.weight.length];
        this.epoch = new int[profile.weight.length];
        this.approx = new double[profile.weight.length];
        Arrays.fill(money, startNum);
        Arrays.fill(approx, ratio(startNum, startDen));
        this.den = startDen;
    }

    /** Group g's money over the current common denominator. */
    private BigInteger money(int g) {
        int now = since.size() - 1;
        if (epoch[g] != now) {
            BigInteger held = money[g];
            money[g] = held.signum() == 0 ? held : held.multiply(since.get(epoch[g]));
            epoch[g] = now;
        }
        return money[g];
    }

    /** Multiplies the common denominator by factor; every group's money follows when next read. */
    private void rescale(BigInteger factor) {
        for (int e = 0; e < since.size(); e++) {
            since.set(e, since.get(e).multiply(factor));
        }
        since.add(BigInteger.ONE);
        den = den.multiply(factor);
    }

    /** The funded items (indices, in the order funded) when every voter starts with num/den. */
    static int[] run(Profile profile, BigInteger startNum, BigInteger startDen) {
        if (startDen.signum() <= 0 || startNum.signum() < 0) {
            throw new IllegalArgumentException("the money per voter must be non-negative");
        }
        return new FixedBudget(profile, startNum, startDen).run();
    }

    /** An affordable item's payment: per point, X / (K · den) with X and K integers. */
    private record Payment(BigInteger x, long k, BigInteger rhoNum, BigInteger rhoDen) {
    }

    private int[] run() {
        int m = profile.items.length;
        BigInteger[] boundNum = new BigInteger[m];
        BigInteger[] boundDen = new BigInteger[m];
        List<Integer> remaining = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            if (profile.cost(j) > 0 && profile.pointWeight[j] > 0) {
                remaining.add(j);
                // With everyone paying in full, ρ = cost / (cost · total points) = 1 / total points.
                boundNum[j] = BigInteger.ONE;
                boundDen[j] = BigInteger.valueOf(profile.pointWeight[j]);
            }
        }
        List<Integer> funded = new ArrayList<>();
        while (!remaining.isEmpty()) {
            remaining.sort((a, b) -> {
                int byBound = compare(boundNum[a], boundDen[a], boundNum[b], boundDen[b]);
                return byBound != 0 ? byBound : Integer.compare(profile.rank[a], profile.rank[b]);
            });
            int best = -1;
            Payment bestPayment = null;
            List<Integer> unaffordable = new ArrayList<>();
            for (int j : remaining) {
                if (best >= 0 && compare(boundNum[j], boundDen[j], bestPayment.rhoNum, bestPayment.rhoDen) > 0) {
                    break;
                }
                Payment payment = evaluateFast(j);
                if (payment == AMBIGUOUS) {
                    payment = evaluate(j);
                }
                if (payment == null) {
                    unaffordable.add(j);
                    continue;
                }
                boundNum[j] = payment.rhoNum;
                boundDen[j] = payment.rhoDen;
                int cmp = best < 0 ? -1 : compare(payment.rhoNum, payment.rhoDen, bestPayment.rhoNum, bestPayment.rhoDen);
                if (cmp < 0 || (cmp == 0 && profile.rank[j] < profile.rank[best])) {
                    best = j;
                    bestPayment = payment;
                }
            }
            // Money only falls, so an item that is not affordable now never will be.
            remaining.removeAll(unaffordable);
            if (best < 0) {
                break;
            }
            funded.add(best);
            remaining.remove(Integer.valueOf(best));
            charge(best, bestPayment);
        }
        return funded.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Marks an evaluation the doubles could not settle. */
    private static final Payment AMBIGUOUS = new Payment(BigInteger.ZERO, 0, BigInteger.ZERO, BigInteger.ONE);

    /**
     * {@link #evaluate} with the doubles first: who pays in full is found with the approximate money,
     * then proved exactly. The payment follows exactly from that set (exact sum of what those voters
     * hold); every supporter whose approximate money is within a relative 1e-9 of the payment is
     * compared exactly, and the others are more than a thousand times the doubles' error away from it.
     * Any doubt gives {@link #AMBIGUOUS} and the exact evaluation decides.
     */
    private Payment evaluateFast(int j) {
        int[] groups = profile.supporters[j];
        int[] points = profile.supporterPoints[j];
        double cost = profile.cost(j);
        long k = profile.pointWeight[j];
        double paid = 0;
        boolean[] poor = new boolean[groups.length];
        for (int pass = 0; pass < 8; pass++) {
            double rate = (cost - paid) / k;
            boolean changed = false;
            for (int i = 0; i < groups.length; i++) {
                if (!poor[i] && approx[groups[i]] < rate * points[i]) {
                    poor[i] = true;
                    changed = true;
                    long w = profile.weight[groups[i]];
                    paid += approx[groups[i]] * w;
                    k -= w * points[i];
                }
            }
            if (k == 0) {
                // Everyone pays in full and it is not enough: certain when short by more than the error.
                return paid < cost * (1 - 1e-9) ? null : AMBIGUOUS;
            }
            if (!changed) {
                return prove(j, poor, k);
            }
        }
        return AMBIGUOUS;
    }

    /** The exact payment if {@code poor} is exactly the set of supporters paying in full; else AMBIGUOUS. */
    private Payment prove(int j, boolean[] poor, long k) {
        int[] groups = profile.supporters[j];
        int[] points = profile.supporterPoints[j];
        BigInteger cost = BigInteger.valueOf(profile.cost(j));
        BigInteger paidInFull = BigInteger.ZERO;
        for (int i = 0; i < groups.length; i++) {
            if (poor[i]) {
                long w = profile.weight[groups[i]];
                BigInteger held = money(groups[i]);
                paidInFull = paidInFull.add(w == 1 ? held : held.multiply(BigInteger.valueOf(w)));
            }
        }
        BigInteger x = cost.multiply(den).subtract(paidInFull);
        if (x.signum() <= 0) {
            return AMBIGUOUS;
        }
        BigInteger bigK = BigInteger.valueOf(k);
        double rate = ratio(x, bigK.multiply(den));
        for (int i = 0; i < groups.length; i++) {
            double due = rate * points[i];
            double held = approx[groups[i]];
            boolean paysInFull;
            if (Math.abs(held - due) <= 1e-9 * (held + due)) {
                // Too close to call in doubles: pays in full exactly when held · k < x · points.
                paysInFull = money(groups[i]).multiply(bigK).compareTo(x.multiply(BigInteger.valueOf(points[i]))) < 0;
            } else {
                paysInFull = held < due;
            }
            if (paysInFull != poor[i]) {
                return AMBIGUOUS;
            }
        }
        return payment(x, k, cost);
    }

    /** num / den as a double, to a relative 2^-50 or so, however long the two integers are. */
    private static double ratio(BigInteger num, BigInteger den) {
        int sn = Math.max(0, num.bitLength() - 62);
        int sd = Math.max(0, den.bitLength() - 62);
        double v = num.shiftRight(sn).doubleValue() / den.shiftRight(sd).doubleValue();
        return Math.scalb(v, sn - sd);
    }

    /**
     * The payment per point of item j, or null if its supporters cannot cover its cost. A supporter
     * pays in full (money below the payment) or the payment; found by scanning supporters in order of
     * money per point.
     */
    private Payment evaluate(int j) {
        int[] groups = profile.supporters[j];
        int[] points = profile.supporterPoints[j];
        BigInteger cost = BigInteger.valueOf(profile.cost(j));
        BigInteger costInUnits = cost.multiply(den);
        long k = profile.pointWeight[j];
        BigInteger paidInFull = BigInteger.ZERO;
        boolean[] poor = new boolean[groups.length];
        // A few passes of "who cannot pay the payment computed so far" settle it in nearly every
        // case (the payment only rises, so the set of voters paying in full only grows); if they do
        // not, sort by money per point and scan, which is exact in one pass.
        for (int pass = 0; pass < 4; pass++) {
            BigInteger x = costInUnits.subtract(paidInFull);
            boolean changed = false;
            long passK = k;
            BigInteger thresholdForOne = ceilDiv(x, passK);
            BigInteger[] thresholds = new BigInteger[17];
            for (int i = 0; i < groups.length; i++) {
                if (poor[i]) {
                    continue;
                }
                BigInteger threshold = points[i] == 1 ? thresholdForOne : threshold(thresholds, x, points[i], passK);
                BigInteger held = money(groups[i]);
                if (held.compareTo(threshold) < 0) {
                    poor[i] = true;
                    changed = true;
                    long w = profile.weight[groups[i]];
                    paidInFull = paidInFull.add(w == 1 ? held : held.multiply(BigInteger.valueOf(w)));
                    k -= w * points[i];
                }
            }
            if (k == 0) {
                return null;
            }
            if (!changed) {
                return payment(costInUnits.subtract(paidInFull), k, cost);
            }
        }
        return sortedScan(groups, points, poor, costInUnits, paidInFull, k, cost);
    }

    private Payment sortedScan(int[] groups, int[] points, boolean[] poor, BigInteger costInUnits,
                               BigInteger paidInFull, long k, BigInteger cost) {
        List<Integer> rich = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            if (!poor[i]) {
                rich.add(i);
            }
        }
        rich.sort((a, b) -> money(groups[a]).multiply(BigInteger.valueOf(points[b]))
                .compareTo(money(groups[b]).multiply(BigInteger.valueOf(points[a]))));
        for (int i : rich) {
            BigInteger x = costInUnits.subtract(paidInFull);
            BigInteger held = money(groups[i]);
            // Pays in full when held < payment · points, i.e. held · k < x · points.
            if (held.multiply(BigInteger.valueOf(k)).compareTo(x.multiply(BigInteger.valueOf(points[i]))) >= 0) {
                break;
            }
            long w = profile.weight[groups[i]];
            paidInFull = paidInFull.add(held.multiply(BigInteger.valueOf(w)));
            k -= w * points[i];
            if (k == 0) {
                return null;
            }
        }
        return payment(costInUnits.subtract(paidInFull), k, cost);
    }

    /** ρ = payment per point / cost = x / (k · den · cost). */
    private Payment payment(BigInteger x, long k, BigInteger cost) {
        return new Payment(x, k, x, BigInteger.valueOf(k).multiply(den).multiply(cost));
    }

    /** Charges item j's supporters: each pays x·points/(k·den), or all it has if that is less. */
    private void charge(int j, Payment payment) {
        BigInteger bigK = BigInteger.valueOf(payment.k);
        BigInteger gcd = payment.x.gcd(bigK);
        BigInteger factor = bigK.divide(gcd);
        BigInteger x = payment.x.divide(gcd);
        if (!factor.equals(BigInteger.ONE)) {
            rescale(factor);
        }
        int[] groups = profile.supporters[j];
        int[] points = profile.supporterPoints[j];
        for (int i = 0; i < groups.length; i++) {
            BigInteger due = points[i] == 1 ? x : x.multiply(BigInteger.valueOf(points[i]));
            BigInteger left = money(groups[i]).subtract(due);
            money[groups[i]] = left.signum() > 0 ? left : BigInteger.ZERO;
            approx[groups[i]] = left.signum() > 0 ? ratio(left, den) : 0;
        }
    }

    /** ceil(x · points / k): a voter holding less pays in full. Cached for small point values. */
    private static BigInteger threshold(BigInteger[] cache, BigInteger x, int points, long k) {
        if (points < cache.length) {
            if (cache[points] == null) {
                cache[points] = ceilDiv(x.multiply(BigInteger.valueOf(points)), k);
            }
            return cache[points];
        }
        return ceilDiv(x.multiply(BigInteger.valueOf(points)), k);
    }

    private static BigInteger ceilDiv(BigInteger a, long b) {
        BigInteger[] qr = a.divideAndRemainder(BigInteger.valueOf(b));
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    private static int compare(BigInteger aNum, BigInteger aDen, BigInteger bNum, BigInteger bDen) {
        return aNum.multiply(bDen).compareTo(bNum.multiply(aDen));
    }
}
