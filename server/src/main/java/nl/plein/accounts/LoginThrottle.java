package nl.plein.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.plein.http.ApiError;

/** Slows password guessing: after too many failures for one email or address, wait a while. */
final class LoginThrottle {
    private static final int MAX_FAILURES = 10;
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    void check(String... keys) {
        Instant cutoff = Instant.now().minus(WINDOW);
        for (String key : keys) {
            Deque<Instant> times = failures.get(key);
            if (times == null) {
                continue;
            }
            synchronized (times) {
                while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
                    times.pollFirst();
                }
                if (times.size() >= MAX_FAILURES) {
                    throw ApiError.tooManyRequests("Too many failed sign-ins; try again in "
                            + WINDOW.toMinutes() + " minutes.");
                }
            }
        }
    }

    void failed(String... keys) {
        if (failures.size() > MAX_KEYS) {
            failures.clear();
        }
        for (String key : keys) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(Instant.now());
            }
        }
    }

    void succeeded(String... keys) {
        for (String key : keys) {
            failures.remove(key);
        }
    }
}
