package nl.plein.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import nl.plein.http.ApiError;

/**
 * A token bucket per key (an email address, a network, or the two together) in a bounded cache.
 * Each bucket holds {@code allowance} tokens and refills them evenly over {@code period} (Bucket4j's
 * greedy refill). A bucket nobody touched for a whole period is full again, so the cache drops it
 * then without changing anything. When the cache is full, Caffeine evicts the keys least likely to
 * be used again (W-TinyLFU): a flood of one-off keys does not push out the buckets an attacker keeps
 * hitting, unlike a map that is cleared when it grows too large.
 */
public final class Throttle {
    private final long allowance;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public Throttle(long allowance, Duration period, long maxKeys) {
        this.allowance = allowance;
        this.period = period;
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(period).build();
    }

    /** Takes one token; when none is left, answers how long until there is one again. */
    public Optional<Duration> take(String key) {
        var probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Returns a token taken for something that turned out not to count (a sign-in that succeeded). */
    public void giveBack(String key) {
        var bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** Starts the key afresh. */
    void forget(String key) {
        buckets.invalidate(key);
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowance).refillGreedy(allowance, period).build())
                .build());
    }

    /**
     * The network a request comes from, as the server sees it ({@code ctx.ip()}, as the meetings'
     * join throttle reads it; no proxy header is trusted). An IPv6 address counts by its /64, the
     * smallest network one subscriber usually gets, so a single household cannot pose as millions.
     */
    public static String source(Context ctx) {
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

    /** A 429 problem document whose Retry-After header says when to try again, in whole seconds. */
    public static ApiError refuse(Context ctx, Duration wait, String what) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        long minutes = (seconds + 59) / 60;
        return ApiError.tooManyRequests(what + "; try again in " + (minutes == 1 ? "a minute" : minutes + " minutes")
                + ".");
    }
}
