package nl.plein.following;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled side of following: noticing votes that opened or closed, and the e-mail digest
 * when SMTP is configured. Both run on one thread of their own, so no request ever waits on them,
 * and a run that throws is logged and does not stop the next one.
 */
public final class FollowingJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FollowingJobs.class);

    private final VoteNotices voteNotices;
    private final Optional<EmailDigest> digest;
    private final Duration voteNoticePeriod;
    private final Duration digestPeriod;
    private ScheduledExecutorService executor;

    public FollowingJobs(VoteNotices voteNotices, Optional<EmailDigest> digest, Duration voteNoticePeriod,
                         Duration digestPeriod) {
        this.voteNotices = voteNotices;
        this.digest = digest;
        this.voteNoticePeriod = voteNoticePeriod;
        this.digestPeriod = digestPeriod;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "plein-following");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> guarded("noticing votes", voteNotices::run), 0,
                voteNoticePeriod.toMillis(), TimeUnit.MILLISECONDS);
        digest.ifPresentOrElse(d -> {
            executor.scheduleWithFixedDelay(() -> guarded("the e-mail digest", d::run), digestPeriod.toMillis(),
                    digestPeriod.toMillis(), TimeUnit.MILLISECONDS);
            log.info("E-mail digests of notifications go out every {} s", digestPeriod.toSeconds());
        }, () -> log.info("No SMTP server configured (PLEIN_SMTP_HOST): notifications are shown in the app only, "
                + "no e-mail is sent"));
    }

    private static void guarded(String what, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            log.warn("Running {} failed; it runs again next time", what, e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
