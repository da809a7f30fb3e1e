package nl.plein.accounts;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * Slows password guessing without letting anyone lock an owner out. Failures count per email
 * address <em>and</em> network together (ten per 15 minutes), so guessing one account from one
 * network is slowed while its owner, from anywhere else, still signs in; and per network alone, with
 * a looser limit, so one network cannot try many accounts quickly either. A guess takes its tokens
 * before the password is checked (racing requests cannot slip past), and a sign-in that succeeds
 * gives them back.
 */
final class LoginThrottle {
    static final int FAILURES_PER_EMAIL_AND_NETWORK = 10;
    static final Duration PERIOD = Duration.ofMinutes(15);
    private static final long MAX_KEYS = 100_000;

    private final Throttle pairs = new Throttle(FAILURES_PER_EMAIL_AND_NETWORK, PERIOD, MAX_KEYS);
    private final Throttle networks;

    LoginThrottle(int failuresPerNetwork) {
        this.networks = new Throttle(failuresPerNetwork, PERIOD, MAX_KEYS);
    }

    /** A try for this email from this request's network, counted as failed until {@link #succeeded}. */
    Attempt attempt(Context ctx, String email) {
        String network = Throttle.source(ctx);
        String pair = "email:" + email + " " + network;
        var wait = networks.take(network);
        if (wait.isPresent()) {
            throw Throttle.refuse(ctx, wait.get(), "Too many failed sign-ins from your network");
        }
        wait = pairs.take(pair);
        if (wait.isPresent()) {
            networks.giveBack(network);
            throw Throttle.refuse(ctx, wait.get(), "Too many failed sign-ins with this email address from your network");
        }
        return new Attempt(network, pair);
    }

    void succeeded(Attempt attempt) {
        pairs.forget(attempt.pair());
        networks.giveBack(attempt.network());
    }

    record Attempt(String network, String pair) {
    }
}
