package nl.plein.budgets.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PabulibTest {

    /** A small approval instance written as Pabulib does: BOM, CRLF, a quoted name with ; and "". */
    private static final String APPROVAL = "\uFEFFMETA\r\nkey;value\r\ndescription;Test instance\r\nnum_projects;3\r\n"
            + "num_votes;3\r\nbudget;100\r\nvote_type;approval\r\nrule;greedy\r\n"
            + "PROJECTS\r\nproject_id;cost;votes;name;selected;category\r\n"
            + "1;60;2;\"Park; with \"\"trees\"\"\";1;green\r\n2;50;2;Bench;0;\r\n3;40;2;Square;1;urban\r\n"
            + "VOTES\r\nvoter_id;vote;age\r\n10;1,2;30\r\n11;1,2,3;\r\n12; 3 ;45\r\n";

    private static Pabulib.Instance read(String text) throws IOException {
        return Pabulib.read(new StringReader(text));
    }

    @Test
    void readsMetaProjectsAndVotesKeepingOtherColumns() throws IOException {
        Pabulib.Instance in = read(APPROVAL);
        assertEquals("Test instance", in.meta().get("description"));
        assertEquals(Optional.of("greedy"), in.recordedRule());
        assertEquals("approval", in.voteType());
        assertEquals(3, in.projects().size());
        Pabulib.Project park = in.projects().get(0);
        assertEquals("Park; with \"trees\"", park.name());
        assertEquals(new BigDecimal("60"), park.cost());
        assertEquals(Optional.of(true), park.selected());
        assertEquals("green", park.other().get("category"));
        assertEquals("2", park.other().get("votes"));
        assertEquals(List.of("3"), in.votes().get(2).itemIds());
        assertEquals("45", in.votes().get(2).other().get("age"));
        assertEquals(Set.of("1", "3"), in.selected());
    }

    @Test
    void theRecordedGreedyRuleSelectsTheRecordedProjects() throws IOException {
        // Every project has 2 votes, so the cheaper goes first: 3 (40), 2 (50, 10 left), then 1 (60) no longer fits:
        // {2, 3}. The file records {1, 3} (its own tie-break): the comparison of sets sees the difference.
        Pabulib.Instance in = read(APPROVAL);
        Outcome outcome = Greedy.run(in.election());
        assertEquals(Set.of("2", "3"), Set.copyOf(outcome.funded()));
        assertEquals(2L, outcome.votes().get("1"));
        assertEquals(2L, outcome.votes().get("3"));
        assertTrue(!Set.copyOf(outcome.funded()).equals(in.selected()));
    }

    @Test
    void writingAndReadingBackGivesTheSameInstance() throws IOException {
        Pabulib.Instance in = read(APPROVAL);
        StringWriter out = new StringWriter();
        Pabulib.write(in, out);
        Pabulib.Instance again = read(out.toString());
        assertEquals(in, again);
        StringWriter twice = new StringWriter();
        Pabulib.write(again, twice);
        assertEquals(out.toString(), twice.toString());
    }

    @Test
    void cumulativePointsAndOrdinalRanksBecomePoints() throws IOException {
        String cumulative = "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;5\nb;5\n"
                + "VOTES\nvoter_id;vote;points\n1;a,b;3,2\n2;b;5\n";
        Election e = read(cumulative).election();
        assertEquals(List.of(3, 2), e.ballots().get(0).points());
        // Ordinal with max_length 3: first choice 3 points, second 2.
        String ordinal = "META\nkey;value\nbudget;10\nvote_type;ordinal\nmax_length;3\nPROJECTS\nproject_id;cost\n"
                + "a;5\nb;5\nVOTES\nvoter_id;vote\n1;b,a\n";
        Election o = read(ordinal).election();
        assertEquals(List.of("b", "a"), o.ballots().get(0).itemIds());
        assertEquals(List.of(3, 2), o.ballots().get(0).points());
    }

    @Test
    void aProjectNamedTwiceOnABallotCountsOnceOrAddsItsPoints() throws IOException {
        String approval = "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\nb;5\n"
                + "VOTES\nvoter_id;vote\n1;a,b,a\n";
        assertEquals(List.of("a", "b"), read(approval).election().ballots().get(0).itemIds());
        assertEquals(List.of("a", "b", "a"), read(approval).votes().get(0).itemIds());
        String cumulative = "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;5\n"
                + "VOTES\nvoter_id;vote;points\n1;a,a;1,2\n";
        assertEquals(List.of(3), read(cumulative).election().ballots().get(0).points());
    }

    @Test
    void aSelectedValueOtherThanZeroOrOneIsNoAnswerAndIsKept() throws IOException {
        // Gdynia marks projects funded by a local extra rule with selected=2.
        String text = "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost;selected\na;5;1\nb;5;2\nc;5;0\nVOTES\nvoter_id;vote\n";
        Pabulib.Instance in = read(text);
        assertEquals(Set.of("a"), in.selected());
        assertEquals(Optional.empty(), in.projects().get(1).selected());
        StringWriter out = new StringWriter();
        Pabulib.write(in, out);
        assertTrue(out.toString().contains("\nb;5;2\n"), out.toString());
        assertEquals(in, read(out.toString()));
    }

    @Test
    void decimalAmountsAreCountedInCents() throws IOException {
        String text = "META\nkey;value\nbudget;100.50\nPROJECTS\nproject_id;cost\na;0.25\nb;100\nVOTES\nvoter_id;vote\n";
        Pabulib.Instance in = read(text);
        assertEquals(100, in.unit());
        assertEquals(10050, in.election().budget());
        assertEquals(25, in.election().items().get(0).cost());
    }

    @Test
    void malformedFilesAreRefusedNamingTheLine() {
        assertLine("META\nkey;value\nbudget;10\n", "no PROJECTS section", 1);
        assertLine("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;ten\n", "not a number", 6);
        assertLine("META\nkey;value\nPROJECTS\nproject_id;cost\na;1\na;2\n", "already appears", 6);
        assertLine("META\nkey;value\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\n1;a,b\n", "unknown project b", 8);
        assertLine("META\nkey;value\nPROJECTS\nproject_id;cost\na;1;extra\n", "2 fields expected, 3 found", 5);
        assertLine("META\nkey;value\nPROJECTS\nproject_id;cost\n\"a;1\n", "not closed", 5);
        assertLine("budget;10\n", "before any data", 1);
        assertLine("META\nkey;value\nPROJECTS\nproject_id;name\na;x\n", "no cost column", 4);
        assertLine("META\nkey;value\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote;points\n1;a;1,2\n",
                "1 projects but 2 points", 8);
        assertLine("META\nkey;value\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\n1;a\n1;a\n", "appears twice", 9);
    }

    private static void assertLine(String text, String message, int line) {
        Pabulib.FormatException e = assertThrows(Pabulib.FormatException.class, () -> read(text));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
    }

    @Test
    void hostileInputIsReadInLinearTime() {
        // A million characters of quotes and separators in one field and in one line.
        String quotes = "META\nkey;value\nPROJECTS\nproject_id;cost;name\na;1;x" + "\"".repeat(1_000_000) + "\n";
        String separators = "META\nkey;value\nPROJECTS\nproject_id;cost\n" + ";".repeat(1_000_000) + "\n";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(1, read(quotes).projects().size());
            assertThrows(Pabulib.FormatException.class, () -> read(separators));
        });
    }
}
