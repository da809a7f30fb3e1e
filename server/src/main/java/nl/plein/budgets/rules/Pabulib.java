package nl.plein.budgets.rules;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pabulib's {@code .pb} format (pabulib.org/format): sections META (key;value), PROJECTS
 * (project_id;cost;…) and VOTES (voter_id;vote;…), {@code ;}-separated UTF-8. Reading keeps every
 * column, so writing what was read gives the same instance back. A malformed file is refused with a
 * {@link FormatException} naming its line.
 */
public final class Pabulib {
    private Pabulib() {
    }

    /** A malformed file: the message names the line. */
    public static final class FormatException extends IllegalArgumentException {
        private final int line;

        public FormatException(int line, String problem) {
            super("line " + line + ": " + problem);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * A project: id, cost (whole or decimal currency units), name, whether the instance records it
     * as selected (empty when it does not say), and the other columns in file order.
     */
    public record Project(String id, BigDecimal cost, String name, Optional<Boolean> selected, Map<String, String> other) {
        public Project {
            other = Collections.unmodifiableMap(new LinkedHashMap<>(other));
        }
    }

    /** A vote: the voter's id, the projects in ballot order, their points (empty if none), other columns. */
    public record Vote(String voterId, List<String> itemIds, List<Integer> points, Map<String, String> other) {
        public Vote {
            itemIds = List.copyOf(itemIds);
            points = List.copyOf(points);
            other = Collections.unmodifiableMap(new LinkedHashMap<>(other));
        }
    }

    /** An instance: META in file order, the projects, the votes. */
    public record Instance(LinkedHashMap<String, String> meta, List<Project> projects, List<Vote> votes) {
        public Instance {
            meta = new LinkedHashMap<>(meta);
            projects = List.copyOf(projects);
            votes = List.copyOf(votes);
        }

        /** META {@code vote_type} (approval, choose-1, cumulative, ordinal, scoring); approval if absent. */
        public String voteType() {
            return meta.getOrDefault("vote_type", "approval").strip().toLowerCase(Locale.ROOT);
        }

        /** META {@code rule}, the rule the instance says selected its projects. */
        public Optional<String> recordedRule() {
            String rule = meta.get("rule");
            return rule == null || rule.isBlank() ? Optional.empty() : Optional.of(rule.strip());
        }

        /**
         * The power of ten that makes the budget and every cost whole (1 when they already are): a
         * few instances give amounts in cents. {@link #election()} counts in these units.
         */
        public long unit() {
            int scale = Math.max(0, budget().stripTrailingZeros().scale());
            for (Project p : projects) {
                scale = Math.max(scale, p.cost().stripTrailingZeros().scale());
            }
            if (scale > 6) {
                throw new IllegalArgumentException("amounts with more than 6 decimals");
            }
            return BigDecimal.TEN.pow(scale).longValueExact();
        }

        public BigDecimal budget() {
            String budget = meta.get("budget");
            if (budget == null || budget.isBlank()) {
                throw new IllegalArgumentException("META has no budget");
            }
            try {
                return new BigDecimal(budget.strip().replace(",", "."));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("META budget is not a number: " + budget);
            }
        }

        /**
         * The instance as one pot for the rules, amounts in {@link #unit()}s. Approval, choose-1 and
         * knapsack votes give 1 point per project; cumulative and scoring votes their points;
         * ordinal votes Borda points (a ballot's k-th project gets max_length − k + 1, or its
         * length − k + 1 without max_length). Projects with 0 points are left out of a ballot.
         */
        public Election election() {
            long unit = unit();
            BigDecimal scale = BigDecimal.valueOf(unit);
            List<Election.Item> items = new ArrayList<>();
            for (Project p : projects) {
                items.add(new Election.Item(p.id(), p.cost().multiply(scale).longValueExact()));
            }
            String type = voteType();
            Integer maxLength = null;
            if (meta.containsKey("max_length") && type.equals("ordinal")) {
                maxLength = Integer.valueOf(meta.get("max_length").strip());
            }
            List<Election.Ballot> ballots = new ArrayList<>();
            for (Vote v : votes) {
                // A project named more than once on one ballot (it happens in published files) counts
                // once; cumulative and scoring ballots add up its points.
                Map<String, Integer> chosen = new LinkedHashMap<>();
                for (int i = 0; i < v.itemIds().size(); i++) {
                    int p = switch (type) {
                        case "cumulative", "scoring" -> v.points().isEmpty() ? 1 : v.points().get(i);
                        case "ordinal" -> (maxLength != null ? maxLength : v.itemIds().size()) - i;
                        default -> 1;
                    };
                    boolean adds = type.equals("cumulative") || type.equals("scoring");
                    chosen.merge(v.itemIds().get(i), p, (a, b) -> adds ? a + b : a);
                }
                chosen.values().removeIf(p -> p <= 0);
                ballots.add(new Election.Ballot(List.copyOf(chosen.keySet()), List.copyOf(chosen.values())));
            }
            return new Election(budget().multiply(scale).setScale(0, RoundingMode.DOWN).longValueExact(),
                    items, ballots);
        }

        /** The ids of the projects the instance records as selected. */
        public Set<String> selected() {
            Set<String> ids = new LinkedHashSet<>();
            for (Project p : projects) {
                if (p.selected().orElse(false)) {
                    ids.add(p.id());
                }
            }
            return ids;
        }
    }

    /** Reads an instance; a malformed file is a {@link FormatException} naming the line. */
    public static Instance read(Reader reader) throws IOException {
        return new PabulibReader(new PbRecords(reader)).read();
    }

    /** Writes an instance as a {@code .pb} file (LF line ends, fields quoted only when they must be). */
    public static void write(Instance instance, Writer out) throws IOException {
        out.write("META\nkey;value\n");
        for (Map.Entry<String, String> e : instance.meta().entrySet()) {
            out.write(field(e.getKey()) + ";" + field(e.getValue()) + "\n");
        }
        List<String> projectColumns = new ArrayList<>(List.of("project_id", "cost"));
        Set<String> extra = new LinkedHashSet<>();
        boolean anyName = false;
        boolean anySelected = false;
        for (Project p : instance.projects()) {
            extra.addAll(p.other().keySet());
            anyName |= p.name() != null;
            anySelected |= p.selected().isPresent() || p.other().containsKey("selected");
        }
        extra.remove("selected");
        if (anyName) {
            projectColumns.add("name");
        }
        if (anySelected) {
            projectColumns.add("selected");
        }
        projectColumns.addAll(extra);
        out.write("PROJECTS\n" + String.join(";", projectColumns) + "\n");
        for (Project p : instance.projects()) {
            if (p.id().contains(",")) {
                throw new IllegalArgumentException("project id \"" + p.id() + "\" contains a comma");
            }
            List<String> row = new ArrayList<>(List.of(field(p.id()), p.cost().toPlainString()));
            if (anyName) {
                row.add(field(p.name() == null ? "" : p.name()));
            }
            if (anySelected) {
                row.add(p.selected().map(s -> s ? "1" : "0").orElse(field(p.other().getOrDefault("selected", ""))));
            }
            for (String column : extra) {
                row.add(field(p.other().getOrDefault(column, "")));
            }
            out.write(String.join(";", row) + "\n");
        }
        List<String> voteColumns = new ArrayList<>(List.of("voter_id", "vote"));
        Set<String> voteExtra = new LinkedHashSet<>();
        boolean anyPoints = false;
        for (Vote v : instance.votes()) {
            voteExtra.addAll(v.other().keySet());
            anyPoints |= !v.points().isEmpty();
        }
        if (anyPoints) {
            voteColumns.add("points");
        }
        voteColumns.addAll(voteExtra);
        out.write("VOTES\n" + String.join(";", voteColumns) + "\n");
        for (Vote v : instance.votes()) {
            List<String> row = new ArrayList<>(List.of(field(v.voterId()), String.join(",", v.itemIds())));
            if (anyPoints) {
                row.add(String.join(",", v.points().stream().map(String::valueOf).toList()));
            }
            for (String column : voteExtra) {
                row.add(field(v.other().getOrDefault(column, "")));
            }
            out.write(String.join(";", row) + "\n");
        }
        out.flush();
    }

    private static String field(String value) {
        boolean quote = value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || !value.equals(value.strip());
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** Reads the three sections; kept apart from the records so each stays short. */
    private static final class PabulibReader {
        private final PbRecords records;
        private final LinkedHashMap<String, String> meta = new LinkedHashMap<>();
        private final List<Project> projects = new ArrayList<>();
        private final List<Vote> votes = new ArrayList<>();
        private final Map<String, Integer> projectLine = new HashMap<>();
        private final Set<String> voterIds = new HashSet<>();

        PabulibReader(PbRecords records) {
            this.records = records;
        }

        Instance read() throws IOException {
            String section = null;
            List<String> header = null;
            boolean first = true;
            boolean sawProjects = false;
            boolean sawVotes = false;
            PbRecords.Row row;
            while ((row = records.next(first)) != null) {
                first = false;
                if (row.blank()) {
                    continue;
                }
                String marker = row.fields().size() == 1 ? row.fields().get(0).strip().toUpperCase(Locale.ROOT) : "";
                if (marker.equals("META") || marker.equals("PROJECTS") || marker.equals("VOTES")) {
                    if (marker.equals("META") && section != null || marker.equals("PROJECTS") && sawProjects
                            || marker.equals("VOTES") && sawVotes) {
                        throw new FormatException(row.line(), "section " + marker + " out of order or repeated");
                    }
                    section = marker;
                    sawProjects |= marker.equals("PROJECTS");
                    sawVotes |= marker.equals("VOTES");
                    header = header(row.line(), marker);
                    continue;
                }
                if (section == null) {
                    throw new FormatException(row.line(), "expected META, PROJECTS or VOTES before any data");
                }
                switch (section) {
                    case "META" -> meta(row);
                    case "PROJECTS" -> project(row, header);
                    default -> vote(row, header);
                }
            }
            if (!sawProjects) {
                throw new FormatException(1, "no PROJECTS section");
            }
            return new Instance(meta, projects, votes);
        }

        private List<String> header(int markerLine, String section) throws IOException {
            PbRecords.Row row = records.next(false);
            if (row == null || row.blank()) {
                throw new FormatException(markerLine + 1, "section " + section + " has no header line");
            }
            List<String> header = row.fields().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            String first = switch (section) {
                case "META" -> "key";
                case "PROJECTS" -> "project_id";
                default -> "voter_id";
            };
            if (!header.get(0).equals(first)) {
                throw new FormatException(row.line(), "the " + section + " header must start with " + first);
            }
            if (section.equals("PROJECTS") && !header.contains("cost")) {
                throw new FormatException(row.line(), "the PROJECTS header has no cost column");
            }
            if (section.equals("VOTES") && !header.contains("vote")) {
                throw new FormatException(row.line(), "the VOTES header has no vote column");
            }
            if (new HashSet<>(header).size() != header.size()) {
                throw new FormatException(row.line(), "a column name appears twice");
            }
            return header;
        }

        private void meta(PbRecords.Row row) {
            List<String> f = row.fields();
            if (f.size() < 2 || f.get(0).isBlank()) {
                throw new FormatException(row.line(), "a META line must be key;value");
            }
            if (meta.put(f.get(0), String.join(";", f.subList(1, f.size()))) != null) {
                throw new FormatException(row.line(), "META key " + f.get(0) + " appears twice");
            }
        }

        private Map<String, String> columns(PbRecords.Row row, List<String> header) {
            List<String> f = row.fields();
            if (f.size() != header.size()) {
                throw new FormatException(row.line(), header.size() + " fields expected, " + f.size() + " found");
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < f.size(); i++) {
                map.put(header.get(i), f.get(i));
            }
            return map;
        }

        private void project(PbRecords.Row row, List<String> header) {
            Map<String, String> c = columns(row, header);
            String id = c.remove("project_id");
            if (id.isEmpty() || id.contains(",")) {
                throw new FormatException(row.line(), "project_id \"" + id + "\" is empty or contains a comma");
            }
            if (projectLine.putIfAbsent(id, row.line()) != null) {
                throw new FormatException(row.line(), "project " + id + " already appears on line " + projectLine.get(id));
            }
            String costText = c.remove("cost");
            BigDecimal cost;
            try {
                cost = new BigDecimal(costText.replace(",", "."));
            } catch (NumberFormatException e) {
                throw new FormatException(row.line(), "cost \"" + costText + "\" is not a number");
            }
            if (cost.signum() < 0) {
                throw new FormatException(row.line(), "cost " + costText + " is negative");
            }
            String name = c.remove("name");
            // selected: 1 funded by the recorded rule, 0 not; any other value (Gdynia's 2 for projects
            // funded by a local extra rule) is no answer and stays in the other columns as written.
            String selectedText = c.get("selected");
            Optional<Boolean> selected = Optional.empty();
            if (selectedText != null && (selectedText.equals("1") || selectedText.equals("0"))) {
                selected = Optional.of(selectedText.equals("1"));
                c.remove("selected");
            } else if (selectedText != null && selectedText.isEmpty()) {
                c.remove("selected");
            }
            projects.add(new Project(id, cost, name, selected, c));
        }

        private void vote(PbRecords.Row row, List<String> header) {
            Map<String, String> c = columns(row, header);
            String voter = c.remove("voter_id");
            if (!voterIds.add(voter)) {
                throw new FormatException(row.line(), "voter " + voter + " appears twice");
            }
            List<String> ids = list(c.remove("vote"));
            for (String id : ids) {
                if (!projectLine.containsKey(id)) {
                    throw new FormatException(row.line(), "vote names unknown project " + id);
                }
            }
            String pointsText = c.remove("points");
            List<Integer> points = new ArrayList<>();
            if (pointsText != null && !pointsText.isBlank()) {
                for (String p : list(pointsText)) {
                    try {
                        points.add(new BigDecimal(p).intValueExact());
                    } catch (ArithmeticException | NumberFormatException e) {
                        throw new FormatException(row.line(), "points \"" + p + "\" is not a whole number");
                    }
                    if (points.get(points.size() - 1) < 0) {
                        throw new FormatException(row.line(), "points " + p + " are negative");
                    }
                }
                if (points.size() != ids.size()) {
                    throw new FormatException(row.line(), ids.size() + " projects but " + points.size() + " points");
                }
            }
            votes.add(new Vote(voter, ids, points, c));
        }

        private static List<String> list(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String s : text.split(",", -1)) {
                out.add(s.strip());
            }
            return out;
        }
    }
}
