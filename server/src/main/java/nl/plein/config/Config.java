package nl.plein.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plein's whole configuration, read once from the environment. Every setting, its default and its
 * check live here; {@code plein.env.example} documents them for operators.
 */
public record Config(
        String host,
        int port,
        Optional<String> databaseUrl,
        Path dataDir,
        boolean demoContent,
        long maxBodyBytes,
        long maxBoundaryBytes,
        int maxVertices,
        int maxTitleLength,
        int maxTextLength,
        boolean secureCookies,
        Duration sessionLifetime,
        Optional<String> adminEmail,
        Optional<String> adminPassword,
        int databasePoolSize,
        Optional<Path> clientDir,
        Basemap basemap,
        Optional<String> basemapUrl,
        Optional<String> geocoderUrl,
        String defaultLanguage,
        int smallCountThreshold,
        java.time.ZoneId timeZone,
        Duration analysisTimeout,
        int maxAnalysisCells,
        Optional<String> publicUrl,
        int meetingJoinsPerAddress,
        int signUpsPerSource,
        int signInFailuresPerSource,
        Duration databaseConnectionTimeout,
        int photoMaxBytes,
        int photoMaxMegapixels,
        int photosPerItem,
        Optional<Smtp> smtp,
        Duration digestPeriod,
        Duration voteNoticePeriod) {

    /** How the e-mail digest reaches an SMTP server; absent, Plein sends no e-mail at all. */
    public record Smtp(String host, int port, Optional<String> user, Optional<String> password, String from,
                       Security security) {
        /** none: plain (a local relay); starttls: upgrade on the submission port; tls: TLS from the start. */
        public enum Security { NONE, STARTTLS, TLS }
    }

    /** Where map tiles come from; Plein fetches them itself so residents' browsers talk only to Plein. */
    public enum Basemap {
        PDOK("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
                "Kaartgegevens © Kadaster"),
        OSM("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors"),
        NONE(null, "");

        private final String template;
        private final String attribution;

        Basemap(String template, String attribution) {
            this.template = template;
            this.attribution = attribution;
        }

        public String attribution() {
            return attribution;
        }
    }

    /** The upstream tile URL template with {z}/{x}/{y}, or empty when there is no basemap. */
    public Optional<String> tileTemplate() {
        return basemap == Basemap.NONE ? Optional.empty() : basemapUrl.or(() -> Optional.of(basemap.template));
    }

    /** Reads the configuration from environment variables; fails with every problem listed. */
    public static Config fromEnvironment(Map<String, String> env) {
        var errors = new ArrayList<String>();
        var reader = new Reader(env, errors);
        var config = new Config(
                reader.string("PLEIN_HOST", "127.0.0.1"),
                reader.integer("PLEIN_PORT", 7070, 0, 65535),
                reader.optional("DATABASE_URL"),
                Path.of(reader.string("PLEIN_DATA_DIR", "var")),
                reader.bool("PLEIN_DEMO_CONTENT", true),
                reader.integer("PLEIN_MAX_BODY_BYTES", 256 * 1024, 1024, 64 * 1024 * 1024),
                reader.integer("PLEIN_MAX_BOUNDARY_BYTES", 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
                reader.integer("PLEIN_MAX_VERTICES", 2000, 4, 1_000_000),
                reader.integer("PLEIN_MAX_TITLE_LENGTH", 120, 10, 1000),
                reader.integer("PLEIN_MAX_TEXT_LENGTH", 5000, 100, 100_000),
                reader.bool("PLEIN_SECURE_COOKIES", false),
                Duration.ofHours(reader.integer("PLEIN_SESSION_HOURS", 24 * 14, 1, 24 * 365)),
                reader.optional("PLEIN_ADMIN_EMAIL"),
                reader.optional("PLEIN_ADMIN_PASSWORD"),
                reader.integer("PLEIN_DB_POOL_SIZE", 10, 1, 200),
                reader.optional("PLEIN_CLIENT_DIR").map(Path::of),
                reader.choice("PLEIN_BASEMAP", Basemap.PDOK),
                reader.optional("PLEIN_BASEMAP_URL"),
                reader.optional("PLEIN_GEOCODER_URL").map(url -> url.replaceAll("/+$", "")),
                reader.string("PLEIN_DEFAULT_LANGUAGE", "nl"),
                reader.integer("PLEIN_SMALL_COUNT_THRESHOLD", 5, 1, 100),
                reader.zone("PLEIN_TIME_ZONE", "Europe/Amsterdam"),
                Duration.ofSeconds(reader.integer("PLEIN_ANALYSIS_TIMEOUT_SECONDS", 20, 1, 600)),
                reader.integer("PLEIN_ANALYSIS_MAX_CELLS", 20_000, 100, 1_000_000),
                reader.optional("PLEIN_PUBLIC_URL").map(url -> url.replaceAll("/+$", "")),
                reader.integer("PLEIN_MEETING_JOINS_PER_ADDRESS", 600, 1, 1_000_000),
                reader.integer("PLEIN_SIGN_UPS_PER_SOURCE", 100, 1, 1_000_000),
                reader.integer("PLEIN_SIGN_IN_FAILURES_PER_SOURCE", 100, 1, 1_000_000),
                Duration.ofSeconds(reader.integer("PLEIN_DB_CONNECTION_TIMEOUT_SECONDS", 5, 1, 60)),
                reader.integer("PLEIN_PHOTO_MAX_BYTES", 10 * 1024 * 1024, 64 * 1024, 64 * 1024 * 1024),
                reader.integer("PLEIN_PHOTO_MAX_MEGAPIXELS", 40, 1, 200),
                reader.integer("PLEIN_PHOTOS_PER_ITEM", 6, 1, 50),
                smtp(reader, errors),
                Duration.ofSeconds(reader.integer("PLEIN_DIGEST_SECONDS", 3600, 1, 7 * 24 * 3600)),
                Duration.ofSeconds(reader.integer("PLEIN_VOTE_NOTICE_SECONDS", 60, 1, 24 * 3600)));
        config.basemapUrl.filter(url -> !isHttp(url) || !url.contains("{z}") || !url.contains("{x}")
                        || !url.contains("{y}"))
                .ifPresent(url -> errors.add("PLEIN_BASEMAP_URL must be an http(s) URL with {z}, {x} and {y}"));
        config.geocoderUrl.filter(url -> !isHttp(url))
                .ifPresent(url -> errors.add("PLEIN_GEOCODER_URL must be an http(s) URL"));
        config.publicUrl.filter(url -> !isHttp(url) || url.contains("?") || url.contains("#"))
                .ifPresent(url -> errors.add("PLEIN_PUBLIC_URL must be an http(s) URL without query or fragment"));
        if (!LANGUAGES.contains(config.defaultLanguage)) {
            errors.add("PLEIN_DEFAULT_LANGUAGE must be one of " + String.join(", ", LANGUAGES)
                    + ", not '" + config.defaultLanguage + "'");
        }
        if (config.smtp.isPresent() && config.publicUrl.isEmpty()) {
            errors.add("PLEIN_PUBLIC_URL is needed with PLEIN_SMTP_HOST: e-mails link back to Plein there");
        }
        config.clientDir.filter(dir -> !java.nio.file.Files.isDirectory(dir))
                .ifPresent(dir -> errors.add("PLEIN_CLIENT_DIR is not a folder: " + dir));
        if (config.adminEmail.isPresent() != config.adminPassword.isPresent()) {
            errors.add("PLEIN_ADMIN_EMAIL and PLEIN_ADMIN_PASSWORD go together: set both or neither");
        }
        config.adminPassword.filter(p -> p.length() < 12)
                .ifPresent(p -> errors.add("PLEIN_ADMIN_PASSWORD must have at least 12 characters"));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid configuration:\n  " + String.join("\n  ", errors));
        }
        return config;
    }

    /** The SMTP settings when PLEIN_SMTP_HOST is set; the others without it are an error, not ignored. */
    private static Optional<Smtp> smtp(Reader reader, List<String> errors) {
        var host = reader.optional("PLEIN_SMTP_HOST");
        var security = reader.choice("PLEIN_SMTP_SECURITY", Smtp.Security.STARTTLS);
        int port = reader.integer("PLEIN_SMTP_PORT", security == Smtp.Security.TLS ? 465 : 587, 1, 65535);
        var user = reader.optional("PLEIN_SMTP_USER");
        var password = reader.optional("PLEIN_SMTP_PASSWORD");
        var from = reader.optional("PLEIN_SMTP_FROM");
        if (host.isEmpty()) {
            List.of("PLEIN_SMTP_PORT", "PLEIN_SMTP_USER", "PLEIN_SMTP_PASSWORD", "PLEIN_SMTP_FROM",
                            "PLEIN_SMTP_SECURITY").stream().filter(name -> reader.optional(name).isPresent())
                    .forEach(name -> errors.add(name + " needs PLEIN_SMTP_HOST"));
            return Optional.empty();
        }
        if (from.isEmpty() || !from.get().matches("[^@\\s<>]+@[^@\\s<>]+")) {
            errors.add("PLEIN_SMTP_FROM must be the address digests come from (name@example.org)");
        }
        if (user.isPresent() != password.isPresent()) {
            errors.add("PLEIN_SMTP_USER and PLEIN_SMTP_PASSWORD go together: set both or neither");
        }
        return Optional.of(new Smtp(host.get(), port, user, password, from.orElse(""), security));
    }

    /** The languages the client speaks, in the order it offers them. */
    public static final List<String> LANGUAGES = List.of("nl", "en");

    private static boolean isHttp(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }

    /** Defaults for everything: what tests start from. */
    public static Config defaults() {
        return fromEnvironment(Map.of());
    }

    private record Reader(Map<String, String> env, List<String> errors) {
        Optional<String> optional(String name) {
            return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
        }

        String string(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        java.time.ZoneId zone(String name, String fallback) {
            String raw = string(name, fallback);
            // PostgreSQL reads "+01:00" as POSIX does, an hour west of UTC: offsets are refused, names
            // from the time zone database (Europe/Amsterdam, Etc/GMT-1, UTC) mean the same to both.
            if (raw.matches("(?i)Z|[+-].*|(UTC|GMT|UT)[+-].*")) {
                errors.add(name + " must be a time zone name such as Europe/Amsterdam or UTC, not an offset ('"
                        + raw + "')");
                return java.time.ZoneId.of(fallback);
            }
            try {
                return java.time.ZoneId.of(raw);
            } catch (java.time.DateTimeException e) {
                errors.add(name + " must be a time zone such as Europe/Amsterdam, not '" + raw + "'");
                return java.time.ZoneId.of(fallback);
            }
        }

        int integer(String name, int fallback, int min, int max) {
            var raw = optional(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw.get());
                if (value < min || value > max) {
                    errors.add(name + " must be between " + min + " and " + max + ", not " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                errors.add(name + " must be a whole number, not '" + raw.get() + "'");
                return fallback;
            }
        }

        <E extends Enum<E>> E choice(String name, E fallback) {
            var raw = optional(name).map(s -> s.toUpperCase(java.util.Locale.ROOT));
            if (raw.isEmpty()) {
                return fallback;
            }
            for (E constant : fallback.getDeclaringClass().getEnumConstants()) {
                if (constant.name().equals(raw.get())) {
                    return constant;
                }
            }
            errors.add(name + " must be one of " + java.util.Arrays.stream(fallback.getDeclaringClass()
                    .getEnumConstants()).map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList() + ", not '"
                    + optional(name).orElseThrow() + "'");
            return fallback;
        }

        boolean bool(String name, boolean fallback) {
            var raw = optional(name).map(String::toLowerCase);
            if (raw.isEmpty()) {
                return fallback;
            }
            switch (raw.get()) {
                case "true", "yes", "on", "1": return true;
                case "false", "no", "off", "0": return false;
                default:
                    errors.add(name + " must be true or false, not '" + raw.get() + "'");
                    return fallback;
            }
        }
    }
}
