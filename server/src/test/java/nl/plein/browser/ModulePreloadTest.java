package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** index.html preloads exactly the client's modules, so a new module cannot be forgotten there. */
class ModulePreloadTest {

    @Test
    void everyModuleIsPreloadedAndNothingElse() throws Exception {
        Path client = Path.of("..", "map-client");
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> files = Files.walk(client.resolve("js"))) {
            files.filter(p -> p.toString().endsWith(".js") && !p.getFileName().toString().equals("main.js"))
                    .forEach(p -> modules.add("/" + client.relativize(p).toString().replace('\\', '/')));
        }
        Set<String> preloaded = new TreeSet<>();
        var matcher = Pattern.compile("rel=\"modulepreload\" href=\"([^\"]+)\"")
                .matcher(Files.readString(client.resolve("index.html")));
        while (matcher.find()) {
            preloaded.add(matcher.group(1));
        }
        assertEquals(modules, preloaded);
    }
}
