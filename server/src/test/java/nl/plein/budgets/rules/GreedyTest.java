package nl.plein.budgets.rules;

import static nl.plein.budgets.rules.Ballots.all;
import static nl.plein.budgets.rules.Ballots.approvals;
import static nl.plein.budgets.rules.Ballots.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GreedyTest {

    // Budget 10. Votes: a 3, b 2, d 2, c 1. Order: a (6 fits, 4 left); b and d tie on votes and cost
    // (5), the lower id b comes first: 5 > 4, skipped; d likewise; c (4) fits: 0 left.
    private static final Election SKIPPING = new Election(10, items("a:6", "b:5", "c:4", "d:5"), all(
            approvals(1, "a", "b"), approvals(1, "a", "d"), approvals(1, "a", "b", "d"), approvals(1, "c")));

    @Test
    void greedyTakesEachItemThatStillFitsAndSkipsTheRest() {
        Outcome outcome = Greedy.run(SKIPPING);
        assertEquals(List.of("a", "c"), outcome.funded());
        assertEquals(10, outcome.spent());
        assertEquals(3L, outcome.votes().get("a"));
        assertEquals(2L, outcome.votes().get("b"));
        assertEquals(1L, outcome.votes().get("c"));
    }

    @Test
    void greedyNoSkipStopsAtTheFirstItemThatDoesNotFit() {
        // a (6) fits; b (5) does not fit the 4 left: stop, c is never reached.
        assertEquals(List.of("a"), Greedy.runNoSkip(SKIPPING).funded());
    }

    @Test
    void equalVotesGoToTheCheaperItemFirst() {
        // x and y both 2 votes; y costs 3, x 4; budget 5 takes only one: the cheaper y.
        Election e = new Election(5, items("x:4", "y:3"), approvals(2, "x", "y"));
        assertEquals(List.of("y"), Greedy.run(e).funded());
    }

    @Test
    void equalVotesAndCostGoToTheLowerIdComparedAsNumbers() {
        // "10" and "9": equal votes and cost; as numbers 9 < 10 (as text "10" < "9"). Budget fits one.
        Election e = new Election(5, items("10:5", "9:5"), approvals(1, "10", "9"));
        assertEquals(List.of("9"), Greedy.run(e).funded());
    }

    @Test
    void anItemCostingMoreThanTheBudgetIsSkipped() {
        // big has the most votes but costs 11 > 10; small (4) and mid (6) fill the budget.
        Election e = new Election(10, items("big:11", "small:4", "mid:6"), all(
                approvals(3, "big"), approvals(2, "mid"), approvals(1, "small")));
        assertEquals(List.of("mid", "small"), Greedy.run(e).funded());
    }

    @Test
    void cumulativeBallotsCountPoints() {
        // Points: p 5 (one voter), q 2+2 = 4 from two voters. Budget fits one: p by points, though q has more voters.
        Election e = new Election(10, items("p:10", "q:10"), List.of(
                new Election.Ballot(List.of("p"), List.of(5)),
                new Election.Ballot(List.of("q"), List.of(2)),
                new Election.Ballot(List.of("q"), List.of(2))));
        assertEquals(List.of("p"), Greedy.run(e).funded());
        assertEquals(4L, Greedy.run(e).votes().get("q"));
    }

    @Test
    void anItemNobodyVotedForIsNotFunded() {
        Election e = new Election(10, items("voted:3", "ignored:1"), approvals(1, "voted"));
        assertEquals(List.of("voted"), Greedy.run(e).funded());
    }

    @Test
    void rulesHaveWireNamesAndRunDispatches() {
        assertEquals("equal_shares", Rule.EQUAL_SHARES.wireName());
        assertEquals(Rule.GREEDY, Rule.fromWire("greedy"));
        assertThrows(IllegalArgumentException.class, () -> Rule.fromWire("borda"));
        assertEquals(List.of("a", "c"), Rules.run(Rule.GREEDY, SKIPPING).funded());
    }

    @Test
    void malformedElectionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Election(10, items("a:1", "a:2"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Election(10, items("a:1"), approvals(1, "b")));
        assertThrows(IllegalArgumentException.class, () -> new Election(10, items("a:1"), approvals(1, "a", "a")));
        assertThrows(IllegalArgumentException.class, () -> new Election.Ballot(List.of("a"), List.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> new Election.Ballot(List.of("a"), List.of(0)));
        assertThrows(IllegalArgumentException.class, () -> new Election(-1, items("a:1"), List.of()));
    }
}
