package nl.plein.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsServeOnPort7070WithEmbeddedPostgisUnderVar() {
        var config = Config.defaults();
        assertEquals(7070, config.port());
        assertEquals(Path.of("var"), config.dataDir());
        assertTrue(config.databaseUrl().isEmpty());
        assertTrue(config.demoContent());
    }

    @Test
    void everyBadSettingIsReportedAtOnceByName() {
        var error = assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of(
                "PLEIN_PORT", "seventy", "PLEIN_MAX_VERTICES", "2", "PLEIN_DEMO_CONTENT", "perhaps",
                "PLEIN_ADMIN_EMAIL", "a@b.c")));
        for (String name : new String[] {"PLEIN_PORT", "PLEIN_MAX_VERTICES", "PLEIN_DEMO_CONTENT", "PLEIN_ADMIN_PASSWORD"}) {
            assertTrue(error.getMessage().contains(name), error.getMessage());
        }
    }

    @Test
    void settingsAreRead() {
        var config = Config.fromEnvironment(Map.of("PLEIN_PORT", "8080", "PLEIN_DEMO_CONTENT", "off",
                "DATABASE_URL", "postgres://u:p@h/db", "PLEIN_DATA_DIR", "/srv/plein"));
        assertEquals(8080, config.port());
        assertFalse(config.demoContent());
        assertEquals("postgres://u:p@h/db", config.databaseUrl().orElseThrow());
        assertEquals(Path.of("/srv/plein"), config.dataDir());
    }

    @Test
    void aTimeZoneIsANameNotAnOffset() {
        // PostgreSQL would read "+01:00" as an hour west of UTC, Java as an hour east.
        for (String offset : new String[] {"+01:00", "UTC+1", "GMT-02:00", "Z"}) {
            var error = assertThrows(IllegalArgumentException.class,
                    () -> Config.fromEnvironment(Map.of("PLEIN_TIME_ZONE", offset)), offset);
            assertTrue(error.getMessage().contains("PLEIN_TIME_ZONE"), error.getMessage());
        }
        for (String name : new String[] {"Europe/Amsterdam", "UTC", "Etc/GMT-1", "America/Curacao"}) {
            assertEquals(name, Config.fromEnvironment(Map.of("PLEIN_TIME_ZONE", name)).timeZone().getId());
        }
    }

    @Test
    void theBasemapAndAddressSearchSettingsAreChecked() {
        var error = assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of(
                "PLEIN_BASEMAP", "google", "PLEIN_BASEMAP_URL", "https://tiles.example/{z}/{x}.png",
                "PLEIN_GEOCODER_URL", "ftp://geocoder.example", "PLEIN_DEFAULT_LANGUAGE", "fr")));
        for (String name : new String[] {"PLEIN_BASEMAP ", "PLEIN_BASEMAP_URL", "PLEIN_GEOCODER_URL",
                "PLEIN_DEFAULT_LANGUAGE"}) {
            assertTrue(error.getMessage().contains(name), error.getMessage());
        }
        var osm = Config.fromEnvironment(Map.of("PLEIN_BASEMAP", "OSM"));
        assertEquals("https://tile.openstreetmap.org/{z}/{x}/{y}.png", osm.tileTemplate().orElseThrow());
        assertTrue(Config.fromEnvironment(Map.of("PLEIN_BASEMAP", "none")).tileTemplate().isEmpty());
        assertEquals("https://tiles.example/{z}/{x}/{y}.png", Config.fromEnvironment(Map.of(
                "PLEIN_BASEMAP_URL", "https://tiles.example/{z}/{x}/{y}.png")).tileTemplate().orElseThrow());
    }

    @Test
    void smtpIsOffWithoutAHostAndItsSettingsAreChecked() {
        assertTrue(Config.defaults().smtp().isEmpty(), "no host, no e-mail");
        var error = assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of(
                "PLEIN_SMTP_FROM", "plein@city.example")));
        assertTrue(error.getMessage().contains("PLEIN_SMTP_FROM needs PLEIN_SMTP_HOST"), error.getMessage());
        error = assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of(
                "PLEIN_SMTP_HOST", "smtp.example", "PLEIN_SMTP_USER", "plein", "PLEIN_SMTP_FROM", "not an address",
                "PLEIN_SMTP_SECURITY", "ssl")));
        for (String name : new String[] {"PLEIN_SMTP_FROM", "PLEIN_SMTP_USER and PLEIN_SMTP_PASSWORD",
                "PLEIN_SMTP_SECURITY"}) {
            assertTrue(error.getMessage().contains(name), error.getMessage());
        }
        error = assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of(
                "PLEIN_SMTP_HOST", "smtp.example", "PLEIN_SMTP_FROM", "plein@city.example")));
        assertTrue(error.getMessage().contains("PLEIN_PUBLIC_URL is needed"), "e-mails need absolute links");
        var smtp = Config.fromEnvironment(Map.of("PLEIN_SMTP_HOST", "smtp.example", "PLEIN_SMTP_FROM",
                "plein@city.example", "PLEIN_SMTP_SECURITY", "tls", "PLEIN_PUBLIC_URL", "https://plein.example"))
                .smtp().orElseThrow();
        assertEquals(465, smtp.port(), "TLS from the start defaults to port 465");
        assertEquals(587, Config.fromEnvironment(Map.of("PLEIN_SMTP_HOST", "smtp.example", "PLEIN_SMTP_FROM",
                "plein@city.example", "PLEIN_PUBLIC_URL", "https://plein.example")).smtp().orElseThrow().port());
    }

    @Test
    void theExampleFileDocumentsEverySettingTheCodeReads() throws Exception {
        String code = Files.readString(Path.of("src/main/java/nl/plein/config/Config.java"));
        String example = Files.readString(Path.of("../plein.env.example"));
        var read = new HashSet<String>();
        var matcher = Pattern.compile("\"((?:PLEIN_|DATABASE_)[A-Z_]+)\"").matcher(code);
        while (matcher.find()) {
            read.add(matcher.group(1));
        }
        assertTrue(read.size() > 10);
        for (String name : read) {
            assertTrue(example.contains(name + "="), name + " is missing from plein.env.example");
        }
    }
}
