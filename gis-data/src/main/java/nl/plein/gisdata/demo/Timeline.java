package nl.plein.gisdata.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When things happen in the demo story.
 *
 * <p>The story is told as of a fixed date, so that every project's current stage really is
 * current on that day and nothing in the data happened "after today" in the story. A fixed date
 * (rather than the real clock) keeps the output identical on every run.
 */
final class Timeline {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** The demo's "today". */
    static final LocalDate STORY_DATE = LocalDate.of(2026, 11, 20);

    /** Nothing in the data is later than this moment. */
    static final Instant STORY_END = at(STORY_DATE, 18, 0);

    private Timeline() {}

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZONE).toInstant();
    }

    /** A moment on a random day in [from, to] (not after the story date), in waking hours. */
    static Instant during(Rng rng, LocalDate from, LocalDate to) {
        LocalDate last = to.isAfter(STORY_DATE) ? STORY_DATE : to;
        long days = Math.max(0, last.toEpochDay() - from.toEpochDay());
        LocalDate day = from.plusDays(rng.nextInt((int) days + 1));
        Instant moment = at(day, rng.between(7, 22), rng.nextInt(60));
        return moment.isAfter(STORY_END) ? STORY_END : moment;
    }

    /**
     * Uniform in [from, to], both capped at the story's end; from itself if that range is empty,
     * so an event is never earlier than what it follows.
     */
    static Instant between(Rng rng, Instant from, Instant to) {
        Instant first = from.isAfter(STORY_END) ? STORY_END : from;
        Instant last = to.isAfter(STORY_END) ? STORY_END : to;
        long seconds = Duration.between(first, last).getSeconds();
        if (seconds <= 0) {
            return first;
        }
        return first.plusSeconds((long) (rng.uniform() * seconds));
    }

    /** Somewhere between minHours and maxHours after a moment (capped at the story's end). */
    static Instant after(Rng rng, Instant moment, double minHours, double maxHours) {
        Instant from = moment.plusSeconds((long) (minHours * 3600));
        return between(rng, from, moment.plusSeconds((long) (maxHours * 3600)));
    }

    static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Instant startOf(LocalDate day) {
        return at(day, 0, 0);
    }

    static Instant endOf(LocalDate day) {
        return at(day, 23, 59);
    }
}
