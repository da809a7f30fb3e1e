package nl.plein.budgets.rules;

import static nl.plein.budgets.rules.Ballots.all;
import static nl.plein.budgets.rules.Ballots.approvals;
import static nl.plein.budgets.rules.Ballots.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instances small enough to count by hand; the arithmetic is in the comments. */
class EqualSharesTest {

    /*
     * Budget 100, 10 voters, so 10 each. Voters 1-6 approve A (60) and B (40); voters 7-10 approve C (40).
     * Greedy: A and B have 6 votes, C 4; B before A (equal votes, lower cost): B 40 + A 60 = 100; C no longer fits.
     * Equal Shares at 10 each: A: 60 / 6 = 10 each, ρ = 10/60 = 1/6. B: 40/6 each, ρ = (40/6)/40 = 1/6. C: 40 / 4
     * = 10 each, ρ = 10/40 = 1/4. A and B tie at 1/6 (effective votes 6): equal votes, B is cheaper: B first;
     * voters 1-6 keep 10 - 20/3 = 10/3, together 20 < 60, so A is no longer affordable. Then C (ρ 1/4): voters 7-10
     * pay 10 each. Outcome {B, C}, 80 spent.
     * add1: at m per voter, after B voters 1-6 hold m - 20/3; A is affordable when 6(m - 20/3) ≥ 60, i.e. m ≥ 50/3.
     * m = 11 … 16: {B, C}, 80 ≤ 100, kept; m = 17: {B, A, C}, 140 > 100: stop. Kept: m = 16, 6 steps. Fill:
     * 20 left, A (60) does not fit. Final {B, C}.
     */
    private static final Election MAJORITY_AND_MINORITY = new Election(100, items("A:60", "B:40", "C:40"),
            all(approvals(6, "A", "B"), approvals(4, "C")));

    @Test
    void equalSharesGivesTheMinorityItsShareWhereGreedyDoesNot() {
        assertEquals(List.of("B", "A"), Greedy.run(MAJORITY_AND_MINORITY).funded());
        Outcome mes = EqualShares.run(MAJORITY_AND_MINORITY);
        assertEquals(List.of("B", "C"), mes.funded());
        assertEquals(80, mes.spent());
        assertEquals(List.of("B", "C"), EqualShares.run(MAJORITY_AND_MINORITY, EqualShares.Options.PLAIN).funded());
    }

    @Test
    void add1RaisesTheMoneyWhileTheOutcomeFitsAndStopsBeforeItDoesNot() {
        EqualShares.Details d = EqualShares.details(MAJORITY_AND_MINORITY, EqualShares.Options.PLEIN);
        assertEquals(6, d.add1Steps());
        // 16 per voter, held as a fraction over 10 voters: 160/10.
        assertEquals(0, d.perVoterNum().compareTo(BigInteger.valueOf(16).multiply(d.perVoterDen())));
        assertEquals(List.of("B", "C"), d.byEqualShares());
        assertEquals(List.of(), d.byFill());
    }

    @Test
    void theComparisonStepSwitchesToGreedyWhenMoreVotersPreferIt() {
        // Voters 1-6: greedy funds 2 of their items (A, B), Equal Shares 1 (B): 6 prefer greedy.
        // Voters 7-10: greedy 0 (C not funded), Equal Shares 1: 4 prefer Equal Shares. 6 > 4: greedy's outcome.
        EqualShares.Details d = EqualShares.details(MAJORITY_AND_MINORITY, EqualShares.Options.ADD1_COMPARISON);
        assertEquals(4, d.prefersEqualShares());
        assertEquals(6, d.prefersGreedy());
        assertTrue(d.switchedToGreedy());
        assertEquals(List.of("B", "A"), d.outcome().funded());
    }

    @Test
    void theComparisonStepKeepsEqualSharesUnlessMoreVotersPreferGreedy() {
        // As above with 6 voters for C and budget 120 (10 each again): A, B and C all have ρ = 1/6 (effective votes 6);
        // equal votes, B and C cheaper than A, B's id lower: B first. Then C (ρ 1/6); A is unaffordable after B
        // (6 x 10/3 = 20 < 60). {B, C}.
        // add1 up to m < 50/3 keeps {B, C} (80); m = 17 adds A: 140 > 120, stop. Fill: 40 left, A (60) no.
        // Greedy: A, B, C all 6 votes; cheaper first: B (40), C (40, id after B), then A: 80 + 60 > 120, skipped:
        // {B, C}, the same: nobody prefers either, Equal Shares is kept.
        Election e = new Election(120, items("A:60", "B:40", "C:40"), all(approvals(6, "A", "B"), approvals(6, "C")));
        EqualShares.Details d = EqualShares.details(e, EqualShares.Options.ADD1_COMPARISON);
        assertFalse(d.switchedToGreedy());
        assertEquals(0, d.prefersGreedy());
        assertEquals(List.of("B", "C"), d.outcome().funded());
    }

    /*
     * A supporter who cannot pay an equal share pays all they have. 4 voters, budget 40: 10 each.
     * v1, v2, v3 approve W (21); v3, v4 approve Z (12); v1 approves Y (5).
     * Round 1: W: 7 each, ρ = 7/21 = 1/3. Z: 6 each, ρ = 6/12 = 1/2. Y: 5, ρ = 1. Fund W: v1-v3 keep 3, v4 10.
     * Round 2: Z: an equal 6 each is more than v3's 3, so v3 pays 3 and v4 pays 12 - 3 = 9 ≤ 10: ρ = 9/12 = 3/4.
     * Y: v1 holds 3 < 5, not affordable. Fund Z: v3 has nothing left, v4 keeps 1.
     * Round 3: Y still not affordable. Equal Shares alone: [W, Z], 33 spent.
     * Plein's rule: W, Z and Y together cost 38 ≤ 40, so add1 ends where every voter could pay everything
     * (38 each): W (ρ 1/3), Z (ρ 1/2), Y (ρ 1).
     */
    private static final Election PARTIAL = new Election(40, items("W:21", "Z:12", "Y:5"), all(
            approvals(1, "W", "Y"), approvals(1, "W"), approvals(1, "W", "Z"), approvals(1, "Z")));

    @Test
    void aSupporterShortOfAnEqualSharePaysAllTheyHave() {
        Outcome plain = EqualShares.run(PARTIAL, EqualShares.Options.PLAIN);
        assertEquals(List.of("W", "Z"), plain.funded());
        assertEquals(33, plain.spent());
        assertEquals(List.of("W", "Z", "Y"), EqualShares.run(PARTIAL).funded());
    }

    @Test
    void theGreedyFillSpendsWhatEqualSharesLeaves() {
        // Without add1: Equal Shares [W, Z] (33), 7 left: the fill takes Y (5).
        EqualShares.Options noAdd1 = new EqualShares.Options(false, false, false, true, EqualShares.Comparison.NONE);
        EqualShares.Details d = EqualShares.details(PARTIAL, noAdd1);
        assertEquals(List.of("W", "Z"), d.byEqualShares());
        assertEquals(List.of("Y"), d.byFill());
        assertEquals(38, d.outcome().spent());
    }

    @Test
    void anItemCostingMoreThanTheBudgetStopsAdd1AtOnce() {
        // Budget 10, 2 voters with 5 each. Both approve BIG (11); v1 also approves s (4).
        // At 5 each: BIG needs 11 > 10 held: not affordable; s: ρ = 4/4 = 1: [s].
        // At 6 each: BIG: 5.5 each, ρ = 1/2, funded; 11 > 10 over the budget: stop, keep 5 each, 0 steps.
        // Fill: 6 left, BIG (11) no. Greedy skips BIG too and takes s.
        Election e = new Election(10, items("BIG:11", "s:4"), all(approvals(1, "BIG", "s"), approvals(1, "BIG")));
        EqualShares.Details d = EqualShares.details(e, EqualShares.Options.PLEIN);
        assertEquals(0, d.add1Steps());
        assertEquals(List.of("s"), d.outcome().funded());
        assertEquals(List.of("s"), Greedy.run(e).funded());
    }

    @Test
    void theExhaustiveOptionStopsAdd1AsSoonAsNothingMoreFits() {
        // MAJORITY_AND_MINORITY at 10 each: {B, C}, 20 left, A (60) cannot be added: exhaustive, so no step.
        EqualShares.Options exhaustive = new EqualShares.Options(true, true, false, true, EqualShares.Comparison.NONE);
        assertEquals(0, EqualShares.details(MAJORITY_AND_MINORITY, exhaustive).add1Steps());
    }

    /*
     * Cumulative: utility = points x cost. Budget 10, 2 voters with 5 each. P (10) and Q (10).
     * v1: P 3 points, Q 1 point; v2: Q 2 points. Greedy: P 3 points, Q 3 points, equal cost, id P first; 10 spent.
     * Equal Shares: a supporter pays min(money, r x points), r per point.
     * P: only v1, 3 points: r = 10/3 asks 10 > 5: v1 pays all 5 and nobody is left: not affordable.
     * Q: 3 points, r = 10/3: v1 pays 10/3 ≤ 5, v2 would pay 20/3 > 5: v2 pays 5; r = (10 - 5) / 1 = 5: v1 pays
     * 5 ≤ 5. Affordable with ρ = 5/10 = 1/2: [Q]. v1 and v2 both end with 0.
     */
    @Test
    void cumulativeBallotsWeighTheCostByPoints() {
        Election e = new Election(10, items("P:10", "Q:10"), List.of(
                new Election.Ballot(List.of("P", "Q"), List.of(3, 1)),
                new Election.Ballot(List.of("Q"), List.of(2))));
        assertEquals(List.of("P"), Greedy.run(e).funded());
        assertEquals(List.of("Q"), EqualShares.run(e, EqualShares.Options.PLAIN).funded());
        assertEquals(3L, EqualShares.run(e).votes().get("Q"));
    }

    @Test
    void votersWithIdenticalBallotsAreCountedAsManyTimesAsTheyVoted() {
        // 3 voters approve X (30), 1 approves Y (30); budget 40: 10 each. X: 10 each, ρ = 1/3; Y: 10 < 30 held.
        // If identical ballots were counted once, X would have 10 < 30 and nothing would be funded.
        Election e = new Election(40, items("X:30", "Y:30"), all(approvals(3, "X"), approvals(1, "Y")));
        assertEquals(List.of("X"), EqualShares.run(e, EqualShares.Options.PLAIN).funded());
    }

    @Test
    void anElectionWithoutBallotsFundsNothing() {
        Election e = new Election(10, items("a:1"), List.of());
        assertEquals(List.of(), EqualShares.run(e).funded());
        assertEquals(List.of(), Rules.run(Rule.EQUAL_SHARES, e).funded());
    }
}
