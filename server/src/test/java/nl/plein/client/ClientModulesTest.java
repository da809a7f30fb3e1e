package nl.plein.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The client stays composed of modules: pages are mounted by the router and imported by nothing
 * else (what two modules share lives in a shared module), and no function runs past 80 lines.
 */
class ClientModulesTest {
    // Maven runs the tests from server/.
    private static final Path JS = Path.of("..", "map-client", "js").toAbsolutePath().normalize();
    private static final Path PAGES = JS.resolve("pages");
    /** The composition root and the router mount the pages; nothing else may import one. */
    private static final Set<Path> MOUNTING = Set.of(JS.resolve("main.js"), JS.resolve("router.js"));
    static final int MAX_LINES = 80;

    private static List<Path> modules() throws IOException {
        try (Stream<Path> files = Files.walk(JS)) {
            return files.filter(f -> f.toString().endsWith(".js")).sorted().toList();
        }
    }

    private static JsScanner scan(Path file) throws IOException {
        try {
            return JsScanner.scan(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(JS.relativize(file) + ": " + e.getMessage(), e);
        }
    }

    @Test
    void noFunctionInTheClientIsLongerThan80Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path file : modules()) {
            tooLong.addAll(tooLong(JS.relativize(file).toString(), scan(file)));
        }
        assertEquals(List.of(), tooLong, "functions over " + MAX_LINES + " lines");
    }

    @Test
    void onlyTheRouterAndTheCompositionRootImportAPage() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : modules()) {
            if (MOUNTING.contains(file)) continue;
            found.addAll(pageImports(file, scan(file)));
        }
        assertEquals(List.of(), found, "modules importing a page");
    }

    static List<String> tooLong(String name, JsScanner scanner) {
        return scanner.functions().stream().filter(f -> f.lines() > MAX_LINES)
                .map(f -> name + ": " + f.name() + " (lines " + f.startLine() + "–" + f.endLine() + ", " + f.lines() + " lines)")
                .toList();
    }

    static List<String> pageImports(Path file, JsScanner scanner) {
        List<String> found = new ArrayList<>();
        for (JsScanner.Token specifier : scanner.imports()) {
            String path = specifier.text().substring(1, specifier.text().length() - 1);
            if (!path.startsWith(".")) continue;
            Path target = file.getParent().resolve(path).normalize();
            if (target.startsWith(PAGES)) {
                found.add(JS.relativize(file) + " imports " + path + " (line " + specifier.line() + ")");
            }
        }
        return found;
    }

    // ——— the reader itself: it must see what is there and nothing that is not ———

    private static String lines(int count) {
        return "  x += 1;\n".repeat(count);
    }

    @Test
    void aFunctionOver80LinesIsNamedWithItsLines() {
        String source = "// a page\nexport async function longPage(ctx) {\n" + lines(79) + "}\n"
                + "const fine = () => {\n" + lines(78) + "};\n";
        assertEquals(List.of("page.js: longPage (lines 2–82, 81 lines)"), tooLong("page.js", JsScanner.scan(source)));
    }

    @Test
    void methodsArrowsAndExpressionBodiesAreMeasured() {
        String source = "const o = {\n  async load(a) {\n" + lines(80) + "  },\n  click: (e) =>\n    f(\n" + lines(0)
                + "      e),\n};\nlist.map((item) => h('li', {},\n" + "  item,\n".repeat(85) + "));\n";
        var functions = JsScanner.scan(source).functions();
        assertEquals(3, functions.size(), functions.toString());
        assertEquals(new JsScanner.Function("load", 2, 83), functions.get(0));
        assertEquals(new JsScanner.Function("click", 84, 86), functions.get(1));
        assertEquals(new JsScanner.Function("arrow function", 88, 174), functions.get(2));
    }

    @Test
    void bracesInStringsTemplatesRegularExpressionsAndCommentsAreNotCode() {
        String source = """
                function a() {
                  const s = '{' + "}}" + `{${ { b: '}' }.b }\\`}`; // }
                  /* { */ const r = /[}/]\\}{/g.test(s) ? 1 / 2 : `
                  }`;
                  if (x) { return (y) => { return { z: '}' }; }; }
                }
                function b() {}
                """;
        var functions = JsScanner.scan(source).functions();
        assertEquals(List.of(new JsScanner.Function("a", 1, 6), new JsScanner.Function("arrow function", 5, 5),
                new JsScanner.Function("b", 7, 7)), functions);
    }

    @Test
    void whatCannotBeReadIsAnErrorNotAGuess() {
        assertThrows(IllegalStateException.class, () -> JsScanner.scan("function a() { const s = '}; }"));
        assertThrows(IllegalStateException.class, () -> JsScanner.scan("function a() { return (1; }"));
        assertThrows(IllegalStateException.class, () -> JsScanner.scan("const t = `${ a `;"));
    }

    @Test
    void anImportOfAPageFromAnotherModuleIsFound() {
        Path file = JS.resolve("slide-layers.js");
        String source = """
                import { h } from './dom.js';
                import { measureOf } from './pages/participation.js';
                export { x } from "./pages/analysis.js";
                const later = () => import('./pages/project.js');
                const text = 'from ./pages/not-an-import.js';
                """;
        List<String> found = pageImports(file, JsScanner.scan(source));
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.get(0).contains("./pages/participation.js (line 2)"), found.get(0));
        Path section = JS.resolve("participation").resolve("map.js");
        assertEquals(1, pageImports(section, JsScanner.scan("import { a } from '../pages/participation.js';")).size());
        assertEquals(0, pageImports(section, JsScanner.scan("import { a } from '../measures.js';")).size());
    }
}
