package nl.plein.accounts;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * Limits sign-ups per email address (whether or not it has an account, so the limit tells nothing)
 * and per network, each per hour. Every sign-up costs an Argon2id hash, so this also keeps one
 * network from keeping the server's processors busy.
 */
final class SignUpThrottle {
    static final int PER_EMAIL = 5;
    static final Duration PERIOD = Duration.ofHours(1);
    private static final long MAX_KEYS = 100_000;

    private final Throttle emails = new Throttle(PER_EMAIL, PERIOD, MAX_KEYS);
    private final Throttle networks;

    SignUpThrottle(int perNetwork) {
        this.networks = new Throttle(perNetwork, PERIOD, MAX_KEYS);
    }

    void take(Context ctx, String email) {
        String network = Throttle.source(ctx);
        var wait = networks.take(network);
        if (wait.isPresent()) {
            throw Throttle.refuse(ctx, wait.get(), "Too many sign-ups from your network");
        }
        wait = emails.take(email);
        if (wait.isPresent()) {
            networks.giveBack(network);
            throw Throttle.refuse(ctx, wait.get(), "Too many sign-ups with this email address");
        }
    }
}
