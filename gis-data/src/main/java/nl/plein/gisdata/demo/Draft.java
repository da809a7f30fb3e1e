package nl.plein.gisdata.demo;

import java.time.Instant;
import nl.plein.gisdata.demo.DemoDataset.Proposal;
import org.locationtech.jts.geom.Geometry;

/**
 * A proposal while it is being generated: drawn first, then given a status history, then used
 * as the target of variants, comments and supports. Only {@link #toRow()} leaves the generator.
 */
final class Draft {

    final ProjectPlan plan;
    final int author;
    final String category;
    final boolean english;
    /** The drawing in the metre frame, for shapes derived from it (variants, comment pointers). */
    final Geometry metres;
    final Geometry geom;
    final Integer area;
    final Instant createdAt;

    String title;
    String description;
    String status = "submitted";
    boolean hidden;
    /** When it became visible to the public; null while it waits for a moderator. */
    Instant publishedAt;
    Instant updatedAt;
    /** Relative appeal, drives how many supports and comments it attracts. */
    double popularity;

    Draft(ProjectPlan plan, int author, String category, boolean english, String title, String description,
            Geometry metres, Geometry geom, Integer area, Instant createdAt) {
        this.plan = plan;
        this.author = author;
        this.category = category;
        this.english = english;
        this.title = title;
        this.description = description;
        this.metres = metres;
        this.geom = geom;
        this.area = area;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    boolean isPublic() {
        return publishedAt != null && !hidden;
    }

    Proposal toRow() {
        return new Proposal(plan.index(), author, title, description, category, geom, status, area, hidden,
                createdAt, updatedAt);
    }
}
