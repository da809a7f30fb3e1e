package nl.plein.map;

import io.javalin.http.Context;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import nl.plein.config.Config;
import nl.plein.http.ApiError;
import nl.plein.http.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves basemap tiles from Plein's own origin: from a disk cache when fresh, else fetched from the
 * configured provider and stored. Residents' addresses then never reach the provider, the page's
 * Content-Security-Policy can stay {@code img-src 'self'}, and an unreachable provider costs the
 * browser a transparent tile instead of an error. After a failure Plein leaves the provider alone
 * for a while, so an offline server answers at once.
 */
public final class TileProxy {
    public static final String PUBLIC_TEMPLATE = "/tiles/{z}/{x}/{y}.png";
    /** What the client may zoom to; tiles are served up to {@link #MAX_ZOOM}. */
    public static final int MAX_CLIENT_ZOOM = 19;
    static final int MAX_ZOOM = 20;

    private static final Logger log = LoggerFactory.getLogger(TileProxy.class);
    private static final Duration FRESH = Duration.ofDays(7);
    private static final long BACK_OFF_NANOS = Duration.ofSeconds(30).toNanos();
    private static final String CACHED = "public, max-age=86400";
    private static final String PLACEHOLDER = "public, max-age=60";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] TRANSPARENT = transparentTile();

    private final Optional<String> template;
    private final Path cacheDir;
    private final HttpClient http;
    /** System.nanoTime() of the last failure; it counts only while {@link #failing}. */
    private final AtomicLong failedAt = new AtomicLong();
    private volatile boolean failing;

    public TileProxy(Config config) {
        this.template = config.tileTemplate();
        this.cacheDir = config.dataDir().resolve("tiles").resolve(config.basemap().name().toLowerCase(Locale.ROOT));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public void get(Context ctx) {
        Query.of(ctx);
        String upstream = template.orElseThrow(() -> ApiError.notFound("The basemap (it is switched off)"));
        int z = coordinate(ctx, "z", MAX_ZOOM);
        int last = (1 << z) - 1;
        int x = coordinate(ctx, "x", last);
        int y = coordinate(ctx, "y", last);
        Path file = cacheDir.resolve(Integer.toString(z)).resolve(Integer.toString(x)).resolve(y + ".png");
        Optional<byte[]> cached = read(file, true);
        if (cached.isPresent()) {
            send(ctx, cached.get(), CACHED);
            return;
        }
        Optional<byte[]> fetched = backingOff() ? Optional.empty() : fetch(upstream
                .replace("{z}", Integer.toString(z)).replace("{x}", Integer.toString(x))
                .replace("{y}", Integer.toString(y)));
        if (fetched.isPresent()) {
            store(file, fetched.get());
            send(ctx, fetched.get(), CACHED);
        } else {
            // An old tile beats an empty one while the provider is away.
            send(ctx, read(file, false).orElse(TRANSPARENT), PLACEHOLDER);
        }
    }

    /** A path number from 0 to max; anything else is a tile that does not exist. */
    private static int coordinate(Context ctx, String name, int max) {
        String raw = ctx.pathParam(name);
        if (raw.matches("\\d{1,7}")) {
            int value = Integer.parseInt(raw);
            if (value <= max) {
                return value;
            }
        }
        throw ApiError.notFound("Tile " + ctx.path());
    }

    private boolean backingOff() {
        return failing && System.nanoTime() - failedAt.get() < BACK_OFF_NANOS;
    }

    /** The tile from the provider; empty when it has none or cannot be reached. */
    private Optional<byte[]> fetch(String url) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("User-Agent", "Plein/0.1").header("Accept", "image/png").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500) {
                trip("answered " + response.statusCode());
                return Optional.empty();
            }
            failing = false;
            // A provider's 404 means "no tile here", and only a PNG may go out as image/png.
            return response.statusCode() == 200 && isPng(response.body())
                    ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            trip("cannot be reached (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void trip(String why) {
        failedAt.set(System.nanoTime());
        if (!failing) {
            failing = true;
            log.warn("The basemap provider {}; serving empty tiles, trying again in 30 s at the earliest", why);
        }
    }

    private static Optional<byte[]> read(Path file, boolean freshOnly) {
        try {
            if (freshOnly && Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(FRESH))) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Cannot read cached tile {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Written to a temporary file and moved into place, so no reader ever sees half a tile. */
    private static void store(Path file, byte[] png) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "tile", ".tmp");
            try {
                Files.write(temporary, png);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            log.warn("Cannot cache tile {}: {}", file, e.getMessage());
        }
    }

    private static void send(Context ctx, byte[] png, String cacheControl) {
        ctx.contentType("image/png").header("Cache-Control", cacheControl).result(png);
    }

    private static boolean isPng(byte[] body) {
        return body.length > PNG_SIGNATURE.length
                && java.util.Arrays.equals(body, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
    }

    /** A fully transparent 256×256 PNG, drawn once; no display is needed for an image in memory. */
    private static byte[] transparentTile() {
        System.setProperty("java.awt.headless", "true");
        var image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
