package nl.plein.accounts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle's memory stays bounded without forgetting the buckets that are in use. */
class ThrottleTest {
    @Test
    void aFloodOfNewKeysDoesNotWipeOutABucketThatIsInUse() {
        var throttle = new Throttle(10, Duration.ofMinutes(15), 1_000);
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.take("attacker").isEmpty());
        }
        assertTrue(throttle.take("attacker").isPresent(), "the eleventh try is refused");
        // Ten times as many one-off keys as the throttle keeps, while the attacker keeps trying:
        // the old throttle cleared everything once it held 100,000 keys, and so forgot the attacker.
        for (int i = 0; i < 10_000; i++) {
            throttle.take("one-off " + i);
            if (i % 100 == 0) {
                assertTrue(throttle.take("attacker").isPresent(), "still refused after " + i + " other keys");
            }
        }
        assertTrue(throttle.take("attacker").isPresent());
    }

    @Test
    void aRefusalSaysHowLongToWait() {
        var throttle = new Throttle(2, Duration.ofMinutes(10), 100);
        throttle.take("k");
        throttle.take("k");
        Duration wait = throttle.take("k").orElseThrow();
        assertTrue(!wait.isNegative() && wait.compareTo(Duration.ofMinutes(5)) <= 0, "one token back in 5 minutes: " + wait);
        throttle.giveBack("k");
        assertTrue(throttle.take("k").isEmpty(), "a token given back can be taken");
    }
}
