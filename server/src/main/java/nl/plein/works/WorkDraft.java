package nl.plein.works;

import java.time.LocalDate;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * A work as a planner writes it. Making one: proposalId or itemId, team and the planned dates are
 * given; title, description and budget may be null (then the proposal's or item's own). Changing
 * one: what is null stays as it is; {@code asBuilt} empty leaves the as-built geometry, present
 * replaces it (an empty inner value clearing it).
 */
record WorkDraft(Long proposalId, Long itemId, String title, String description, String team,
                 LocalDate plannedStart, LocalDate plannedEnd, Long budget, Long spent,
                 Optional<Optional<Geometry>> asBuilt) {
}
