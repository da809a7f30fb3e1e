package nl.plein.analysis;

import java.sql.SQLException;
import java.time.ZoneId;
import javax.sql.DataSource;
import nl.plein.db.DatabaseUnavailable;
import nl.plein.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The participation counts PostgreSQL keeps per project, person and week as contributions are
 * written (migration V6). Weeks start on Monday in the municipality's time zone, which the database
 * must know: this writes it there, and counts every week again when it has changed.
 */
public final class ActivityCounts {
    private static final Logger log = LoggerFactory.getLogger(ActivityCounts.class);

    private ActivityCounts() {
    }

    /** Makes the kept counts use {@code zone}; returns whether they had to be counted again. */
    public static boolean useTimeZone(DataSource dataSource, ZoneId zone) {
        return Sql.transaction(dataSource, c -> {
            String kept = Sql.one(c, "SELECT time_zone FROM analysis_settings FOR UPDATE", rs -> rs.getString(1))
                    .orElseThrow();
            if (kept.equals(zone.getId())) {
                return false;
            }
            try {
                Sql.one(c, "SELECT now() AT TIME ZONE ?", rs -> 1, zone.getId());
            } catch (SQLException e) {
                throw new DatabaseUnavailable("PostgreSQL does not know the time zone " + zone.getId()
                        + " (PLEIN_TIME_ZONE); choose one from its pg_timezone_names", e);
            }
            log.info("Counting participation per week again: the time zone changed from {} to {}", kept, zone.getId());
            long start = System.nanoTime();
            Sql.update(c, "UPDATE analysis_settings SET time_zone = ?", zone.getId());
            Sql.one(c, "SELECT activity_recount()", rs -> 1);
            log.info("Counted participation per week in {} ms", (System.nanoTime() - start) / 1_000_000);
            return true;
        });
    }
}
