package nl.plein.projects;

import java.util.List;
import java.util.Set;
import nl.plein.geo.GeometryKind;
import nl.plein.http.ApiError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/** What a project accepts from residents: where, which kinds of drawing, which categories, and when. */
public record ProjectRules(long id, boolean open, boolean premoderation, Set<GeometryKind> kinds,
                           List<String> categories, Geometry area, PreparedGeometry preparedArea) {

    public void requireOpen() {
        if (!open) {
            throw ApiError.forbidden("This project is closed for contributions.");
        }
    }

    public void requireCategory(String field, String category) {
        if (!categories.isEmpty() && !categories.contains(category)) {
            throw ApiError.invalid(field, "must be one of this project's categories: " + String.join(", ", categories));
        }
    }
}
