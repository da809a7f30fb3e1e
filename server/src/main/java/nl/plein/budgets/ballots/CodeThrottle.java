package nl.plein.budgets.ballots;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import nl.plein.http.ApiError;

/**
 * Slows guessing voting codes, as sign-in slows guessing passwords (the accounts package's token
 * buckets in a bounded Caffeine cache): each network may try {@value #WRONG_CODES} codes that are
 * not codes of the vote per {@link #PERIOD}, refilled evenly. A try takes its token before the code
 * is looked up, so racing requests cannot slip past, and a code that exists gives it back. A
 * household or a library sharing one address posts its letters' codes without meeting the limit;
 * guessing one of 2^80 codes is hopeless at that pace.
 */
final class CodeThrottle {
    static final int WRONG_CODES = 20;
    static final Duration PERIOD = Duration.ofMinutes(15);
    private static final long MAX_KEYS = 100_000;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS)
            .expireAfterAccess(PERIOD).build();

    /** Takes a token for a try from this request's network, or refuses with 429 and Retry-After. */
    String attempt(Context ctx) {
        String network = network(ctx);
        var probe = bucket(network).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            ctx.header("Retry-After", Long.toString(seconds));
            long minutes = (seconds + 59) / 60;
            throw ApiError.tooManyRequests("Too many wrong voting codes from your network; try again in "
                    + (minutes == 1 ? "a minute" : minutes + " minutes") + ".");
        }
        return network;
    }

    /** The code existed (used or not): the try does not count against the network. */
    void giveBack(String network) {
        var bucket = buckets.getIfPresent(network);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(WRONG_CODES).refillGreedy(WRONG_CODES, PERIOD).build())
                .build());
    }

    /** The request's network as the server sees it (no proxy header trusted); IPv6 by its /64. */
    private static String network(Context ctx) {
        String ip = ctx.ip();
        try {
            byte[] bytes = InetAddress.getByName(ip).getAddress();
            if (bytes.length == 16) {
                var prefix = new StringBuilder("net:");
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
                }
                return prefix.append(":/64").toString();
            }
        } catch (UnknownHostException e) {
            // ctx.ip() is always a literal address; anything else is counted as it is.
        }
        return "ip:" + ip;
    }
}
