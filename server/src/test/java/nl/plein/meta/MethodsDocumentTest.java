package nl.plein.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code cites the analysis definitions by section of server/METHODS.md ("METHODS.md §3"): every
 * section cited exists in the document, and nothing cites a document that is not in the repository.
 */
class MethodsDocumentTest {
    // Maven runs this test from server/.
    private static final Path DOCUMENT = Path.of("METHODS.md");
    private static final Pattern HEADING = Pattern.compile("^#{2,3} (\\d+(?:\\.\\d+)?)\\.? ", Pattern.MULTILINE);
    private static final Pattern CITATION = Pattern.compile("METHODS\\.md[^§\\n]{0,40}((?:§\\d+(?:\\.\\d+)?[^§\\n]{0,60})+)");
    private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)?)");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src", "main")), Files.walk(Path.of("src", "test")))) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(java|sql|json|R|py|js)$"))
                            .filter(f -> !f.getFileName().toString().equals("MethodsDocumentTest.java")).toList();
        }
    }

    @Test
    void everySectionTheCodeCitesIsInTheMethodsDocumentAndNoOtherDocumentIsCited() throws IOException {
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        var sections = new TreeSet<String>();
        HEADING.matcher(document).results().forEach(m -> sections.add(m.group(1)));
        assertTrue(sections.containsAll(Set.of("0", "0.3", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10")),
                "sections: " + sections);
        var cited = new TreeSet<String>();
        var stale = new TreeSet<String>();
        for (Path source : sources()) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            var citations = CITATION.matcher(text);
            while (citations.find()) {
                SECTION.matcher(citations.group(1)).results().forEach(m -> cited.add(m.group(1)));
            }
            if (text.contains("analysis section") || text.contains("ANALYSIS.md") || text.contains("analysis notes")) {
                stale.add(source.toString());
            }
        }
        assertEquals(Set.of(), stale, "files citing a document the repository does not hold");
        var missing = new TreeSet<>(cited);
        missing.removeAll(sections);
        assertEquals(Set.of(), missing, "sections cited but not in METHODS.md");
        assertTrue(cited.containsAll(Set.of("0.3", "1", "2", "3", "4", "5", "6", "7", "8", "9")), "cited: " + cited);
    }
}
