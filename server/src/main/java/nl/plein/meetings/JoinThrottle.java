package nl.plein.meetings;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.plein.http.ApiError;

/**
 * Limits joining per network address: how many guest accounts it may make per hour (a room on one
 * wifi shares an address, so the limit is set above the largest meeting), and how many wrong codes
 * it may try (guessing a code among a billion takes far more). Counts are kept per fixed window.
 */
final class JoinThrottle {
    static final Duration WINDOW = Duration.ofHours(1);
    static final int WRONG_CODES_PER_WINDOW = 30;
    private static final int MAX_KEYS = 100_000;

    private record Window(long start, int count) {
    }

    private final int guestsPerWindow;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    JoinThrottle(int guestsPerWindow) {
        this.guestsPerWindow = guestsPerWindow;
    }

    void checkWrongCodes(String address) {
        check("code:" + address, WRONG_CODES_PER_WINDOW, "Too many wrong meeting codes from this network");
    }

    void wrongCode(String address) {
        count("code:" + address);
    }

    /** Counts a guest about to be made, refusing it past the limit (counted first, so racers cannot pass). */
    void takeGuest(String address) {
        if (count("guest:" + address) > guestsPerWindow) {
            guestNotMade(address);
            throw ApiError.tooManyRequests("Too many guests joined from this network; try again within an hour.");
        }
    }

    /** A guest counted by {@link #takeGuest} that was not made after all (a wrong or closed code). */
    void guestNotMade(String address) {
        windows.computeIfPresent("guest:" + address, (key, window) -> new Window(window.start(),
                Math.max(0, window.count() - 1)));
    }

    private void check(String key, int limit, String what) {
        Window window = windows.get(key);
        if (window != null && window.start() > now() - WINDOW.toMillis() && window.count() >= limit) {
            throw ApiError.tooManyRequests(what + "; try again within an hour.");
        }
    }

    private int count(String key) {
        if (windows.size() > MAX_KEYS) {
            windows.clear();
        }
        long now = now();
        return windows.merge(key, new Window(now, 1), (old, one) -> old.start() > now - WINDOW.toMillis()
                ? new Window(old.start(), old.count() + 1) : one).count();
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
