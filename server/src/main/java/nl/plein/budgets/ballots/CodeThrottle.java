package nl.plein.budgets.ballots;

import io.javalin.http.Context;
import java.time.Duration;
import nl.plein.accounts.Throttle;

/**
 * Slows guessing voting codes, as sign-in slows guessing passwords, with the accounts package's
 * {@link Throttle} (token buckets in a bounded Caffeine cache): each network may try
 * {@value #WRONG_CODES} codes that are not codes of the vote per {@link #PERIOD}, refilled evenly. A try takes its token before the code
 * is looked up, so racing requests cannot slip past, and a code that exists gives it back. A
 * household or a library sharing one address posts its letters' codes without meeting the limit;
 * guessing one of 2^80 codes is hopeless at that pace.
 */
final class CodeThrottle {
    static final int WRONG_CODES = 20;
    static final Duration PERIOD = Duration.ofMinutes(15);
    private static final long MAX_KEYS = 100_000;

    private final Throttle networks = new Throttle(WRONG_CODES, PERIOD, MAX_KEYS);

    /** Takes a token for a try from this request's network, or refuses with 429 and Retry-After. */
    String attempt(Context ctx) {
        String network = Throttle.source(ctx);
        networks.take(network).ifPresent(wait -> {
            throw Throttle.refuse(ctx, wait, "Too many wrong voting codes from your network");
        });
        return network;
    }

    /** The code existed (used or not): the try does not count against the network. */
    void giveBack(String network) {
        networks.giveBack(network);
    }
}
