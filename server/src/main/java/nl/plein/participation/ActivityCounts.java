package nl.plein.participation;

import java.time.ZoneId;
import nl.plein.db.DatabaseUnavailable;
import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The participation counts PostgreSQL keeps per project, person and week as contributions are
 * written (migration V6). Weeks start on Monday in the municipality's time zone, which the database
 * must know: this writes it there, and counts every week again when it has changed.
 */
public final class ActivityCounts {
    private static final Logger log = LoggerFactory.getLogger(ActivityCounts.class);
    private static final String KEPT_ZONE = Jdbis.sql(ActivityCounts.class, "time-zone-lock.sql");
    private static final String CHECK_ZONE = Jdbis.sql(ActivityCounts.class, "time-zone-check.sql");
    private static final String SET_ZONE = Jdbis.sql(ActivityCounts.class, "time-zone-update.sql");
    private static final String RECOUNT = Jdbis.sql(ActivityCounts.class, "activity-recount.sql");

    private ActivityCounts() {
    }

    /** Makes the kept counts use {@code zone}; returns whether they had to be counted again. */
    public static boolean useTimeZone(Jdbi jdbi, ZoneId zone) {
        return jdbi.inTransaction(h -> {
            String kept = h.createQuery(KEPT_ZONE).mapTo(String.class).one();
            if (kept.equals(zone.getId())) {
                return false;
            }
            try {
                h.createQuery(CHECK_ZONE).bind("zone", zone.getId()).mapTo(String.class).one();
            } catch (JdbiException e) {
                throw new DatabaseUnavailable("PostgreSQL does not know the time zone " + zone.getId()
                        + " (PLEIN_TIME_ZONE); choose one from its pg_timezone_names", e);
            }
            log.info("Counting participation per week again: the time zone changed from {} to {}", kept, zone.getId());
            long start = System.nanoTime();
            h.createUpdate(SET_ZONE).bind("zone", zone.getId()).execute();
            h.createQuery(RECOUNT).mapTo(String.class).one();
            log.info("Counted participation per week in {} ms", (System.nanoTime() - start) / 1_000_000);
            return true;
        });
    }
}
