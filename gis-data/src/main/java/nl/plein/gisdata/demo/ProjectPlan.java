package nl.plein.gisdata.demo;

import java.util.List;
import nl.plein.gisdata.demo.DemoDataset.Project;
import nl.plein.gisdata.demo.DemoDataset.StageDates;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * A project row plus everything the proposal generator needs to fill it plausibly: where people
 * draw (hot spots), in which words (categories and themes, language mix), how big, how many.
 */
final class ProjectPlan {

    /**
     * Drawings keep this distance (in degrees, about 15 cm) from the project's boundary. With a
     * margin, "inside" cannot depend on last-bit differences between JTS here and GEOS in PostGIS.
     */
    static final double MARGIN_DEGREES = 2e-6;

    /** A place people draw near; x/y in metres from the town centre, sigma the spread in metres. */
    record HotSpot(double x, double y, double sigma, double weight, String nearNl, String nearEn) {}

    /** A project's category word and the theme whose templates fill it. */
    record Category(String name, Theme theme) {}

    /** Typical sizes of drawings in this project, in metres. */
    record Scale(double lineMin, double lineMax, double radiusMin, double radiusMax, double spread) {}

    private final int index;
    private final Project project;
    private final Polygon areaMetres;
    private final List<HotSpot> hotSpots;
    private final double backgroundShare;
    private final List<Category> categories;
    private final Scale scale;
    private final double englishShare;
    private final int proposalCount;
    private final Phrases.Bilingual around;
    private final PreparedGeometry preparedArea;
    private final IndexedFacetDistance boundaryDistance;

    ProjectPlan(int index, Project project, Polygon areaMetres, List<HotSpot> hotSpots, double backgroundShare,
            List<Category> categories, Scale scale, double englishShare, int proposalCount,
            Phrases.Bilingual around) {
        this.index = index;
        this.project = project;
        this.areaMetres = areaMetres;
        this.hotSpots = List.copyOf(hotSpots);
        this.backgroundShare = backgroundShare;
        this.categories = List.copyOf(categories);
        this.scale = scale;
        this.englishShare = englishShare;
        this.proposalCount = proposalCount;
        this.around = around;
        this.preparedArea = PreparedGeometryFactory.prepare(project.area());
        this.boundaryDistance = new IndexedFacetDistance(project.area().getBoundary());
    }

    int index() {
        return index;
    }

    Project project() {
        return project;
    }

    /** The project area in the metre frame, used to draw background positions. */
    Polygon areaMetres() {
        return areaMetres;
    }

    List<HotSpot> hotSpots() {
        return hotSpots;
    }

    /** Share of proposals placed anywhere in the area rather than near a hot spot. */
    double backgroundShare() {
        return backgroundShare;
    }

    List<Category> categories() {
        return categories;
    }

    Scale scale() {
        return scale;
    }

    double englishShare() {
        return englishShare;
    }

    int proposalCount() {
        return proposalCount;
    }

    /**
     * How a drawing away from the hot spots is placed in words ("op het Marktplein"); null when
     * the project is so large that the neighbourhood's name says it better.
     */
    Phrases.Bilingual around() {
        return around;
    }

    boolean allows(Kind kind) {
        return project.geometryKinds().contains(kind.projectKind);
    }

    StageDates stage(String name) {
        return project.stages().stream().filter(s -> s.stage().equals(name)).findFirst().orElseThrow();
    }

    /** Whether a lon/lat drawing may be stored in this project: valid and well inside the area. */
    boolean fits(Geometry lonLat) {
        return lonLat.isValid()
                && preparedArea.covers(lonLat)
                && boundaryDistance.distance(lonLat) >= MARGIN_DEGREES;
    }
}
