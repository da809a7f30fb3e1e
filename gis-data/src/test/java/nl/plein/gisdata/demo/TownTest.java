package nl.plein.gisdata.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.plein.gisdata.demo.DemoDataset.Area;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** The neighbourhoods: for the published seed and a few others, to show it is not luck. */
class TownTest {

    @ParameterizedTest
    @ValueSource(longs = {DemoGenerator.SEED, 1, 2, 3})
    void between20And40ValidNeighbourhoods(long seed) {
        List<Area> areas = Datasets.of(seed).areas();
        assertTrue(areas.size() >= 20 && areas.size() <= 40, "neighbourhoods: " + areas.size());
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Area a : areas) {
            assertTrue(a.code().matches("BU9999\\d{4}"), a.code());
            assertTrue(codes.add(a.code()), "duplicate code " + a.code());
            assertTrue(names.add(a.name()), "duplicate name " + a.name());
            assertTrue(a.geom().isValid() && !a.geom().isEmpty(), a.code());
            assertEquals(4326, a.geom().getSRID());
            if (a.population() != null) {
                assertTrue(a.population() >= 500 && a.population() <= 6000, a.code() + " " + a.population());
            }
        }
        long unknown = areas.stream().filter(a -> a.population() == null).count();
        assertTrue(unknown >= 1 && unknown <= 5, "neighbourhoods with unknown population: " + unknown);
    }

    @ParameterizedTest
    @ValueSource(longs = {DemoGenerator.SEED, 1, 2, 3})
    void neighbourhoodsTileTheTown(long seed) {
        DemoDataset data = Datasets.of(seed);
        MultiPolygon town = wholeTown(data);
        List<Geometry> cells = data.areas().stream().map(a -> (Geometry) a.geom()).toList();

        Geometry union = UnaryUnionOp.union(cells);
        assertEquals(town.getArea(), union.getArea(), town.getArea() * 1e-9, "union equals the town");
        assertTrue(union.symDifference(town).getArea() <= town.getArea() * 1e-9, "same shape, not only same area");

        for (int i = 0; i < cells.size(); i++) {
            for (int j = i + 1; j < cells.size(); j++) {
                Geometry a = cells.get(i);
                Geometry b = cells.get(j);
                if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
                    assertEquals(0.0, a.intersection(b).getArea(), 0.0, "overlap " + i + "/" + j);
                }
            }
        }
        // Stronger than no overlap: shared edges match vertex for vertex, and there are no gaps.
        Geometry[] coverage = cells.toArray(new Geometry[0]);
        assertFalse(CoverageValidator.hasInvalidResult(CoverageValidator.validate(coverage, 1e-6)));
        double cellSum = cells.stream().mapToDouble(Geometry::getArea).sum();
        assertEquals(town.getArea(), cellSum, town.getArea() * 1e-9, "areas add up");
    }

    @ParameterizedTest
    @ValueSource(longs = {DemoGenerator.SEED, 1, 2, 3})
    void townLiesInFlevolandAndIsAboutSixByFiveKilometres(long seed) {
        Envelope env = wholeTown(Datasets.of(seed)).getEnvelopeInternal();
        double kmPerDegreeLon = 111.32 * Math.cos(Math.toRadians(52.5));
        double widthKm = env.getWidth() * kmPerDegreeLon;
        double heightKm = env.getHeight() * 111.25;
        assertTrue(widthKm > 5 && widthKm < 7.5, "width " + widthKm);
        assertTrue(heightKm > 4 && heightKm < 6.5, "height " + heightKm);
        assertTrue(env.contains(5.55, 52.50));
        assertTrue(env.getMinX() > 5.45 && env.getMaxX() < 5.65 && env.getMinY() > 52.45 && env.getMaxY() < 52.55);
    }

    @ParameterizedTest
    @ValueSource(longs = {DemoGenerator.SEED, 1, 2, 3})
    void theCentreNeighbourhoodIsNamedCentrum(long seed) {
        var centre = Frame.LONLAT.createPoint(new Coordinate(5.55, 52.50));
        Area centrum = Datasets.of(seed).areas().stream()
                .filter(a -> a.geom().covers(centre)).findFirst().orElseThrow();
        assertEquals("Centrum", centrum.name());
    }

    /** The project that spans the whole town has the municipal boundary as its area. */
    static MultiPolygon wholeTown(DemoDataset data) {
        return data.projects().stream().map(DemoDataset.Project::area)
                .max((a, b) -> Double.compare(a.getArea(), b.getArea())).orElseThrow();
    }
}
