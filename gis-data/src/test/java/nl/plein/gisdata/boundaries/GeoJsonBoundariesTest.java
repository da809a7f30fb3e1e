package nl.plein.gisdata.boundaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonBoundariesTest {

    static Path fixture(String name) {
        try {
            return Path.of(GeoJsonBoundariesTest.class.getResource("/boundaries/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static BoundarySource read(String... args) {
        return ImportBoundaries.read(ImportOptions.parse(args), line -> { });
    }

    @Test
    void oldCbsFieldsAreDetectedAsNeighbourhoodsWithTheirWijkAsParent() {
        BoundarySource source = read(fixture("cbs-old-buurten.geojson").toString());
        assertEquals(new FieldMapping("BU_CODE", "BU_NAAM", "AANT_INW", "WK_CODE", Level.NEIGHBOURHOOD), source.mapping());
        assertEquals(3, source.features().size());
        BoundaryFeature first = source.features().get(0);
        assertEquals("BU09990001", first.code());
        assertEquals("Oude Markt", first.name());
        assertEquals(1250, first.population());
        assertEquals("WK099900", first.parentCode());
        assertEquals(4326, source.srid());
    }

    @Test
    void aNegativeCbsCodeIsUnknownPopulationNeverANumber() {
        BoundarySource source = read(fixture("cbs-old-buurten.geojson").toString());
        assertNull(source.features().get(1).population());
        assertEquals(List.of("BU09990002"), source.unknownPopulation());
        assertEquals(1250 + 830, source.populationTotal());
    }

    @Test
    void newCbsWijkenAreDistrictsAndAMissingPopulationIsUnknown() {
        BoundarySource source = read(fixture("cbs-new-wijken.geojson").toString());
        assertEquals(new FieldMapping("wijkcode", "wijknaam", "aantal_inwoners", "gemeentecode", Level.DISTRICT),
                source.mapping());
        assertEquals(List.of("WK099901", "WK099902"), source.unknownPopulation());
        assertEquals(2080, source.populationTotal());
    }

    @Test
    void newCbsGemeentenAreMunicipalitiesWithoutParent() {
        BoundarySource source = read(fixture("cbs-new-gemeenten.geojson").toString());
        assertEquals(Level.MUNICIPALITY, source.mapping().level());
        assertNull(source.features().get(0).parentCode());
    }

    @Test
    void theCrsMemberNamesRdNew() {
        BoundarySource source = read(fixture("rd-new-wijken.geojson").toString());
        assertEquals(28992, source.srid());
        assertEquals(233000.0, source.features().get(0).geometry().getEnvelopeInternal().getMinX());
    }

    @Test
    void metresWithoutACrsAreRefusedWithAHintToGiveTheSrid(@TempDir Path dir) throws IOException {
        Path noCrs = dir.resolve("no-crs.geojson");
        Files.writeString(noCrs, Files.readString(fixture("rd-new-wijken.geojson"))
                .replace("urn:ogc:def:crs:EPSG::28992", "").replaceAll("\"crs\":\\s*\\{[^}]*\\}\\s*\\},", ""));
        var e = assertThrows(ImportException.class, () -> read(noCrs.toString()));
        assertTrue(e.getMessage().contains("--srid"), e.getMessage());
        assertEquals(28992, read(noCrs.toString(), "--srid", "28992").srid());
    }

    @Test
    void aBowTieIsListedForRepairAndASquareIsNot() {
        BoundarySource source = read(fixture("bow-tie.geojson").toString(),
                "--code", "code", "--name", "naam", "--population", "inwoners");
        List<BoundaryFeature> repair = source.needingRepair();
        assertEquals(1, repair.size());
        assertEquals("A1", repair.get(0).code());
        assertTrue(repair.get(0).needsRepair().contains("self-intersection"), repair.get(0).needsRepair());
        assertEquals(75, source.features().get(1).population(), "a number written as text still counts");
    }

    @Test
    void missingMappedFieldsAreNamed() {
        var e = assertThrows(ImportException.class, () -> read(fixture("bow-tie.geojson").toString(),
                "--code", "code", "--name", "buurtnaam", "--parent", "wijk"));
        assertTrue(e.getMessage().contains("buurtnaam, wijk"), e.getMessage());
    }

    @Test
    void aPresetWhoseFieldsAreAbsentNamesThem() {
        var e = assertThrows(ImportException.class, () -> read(fixture("cbs-old-buurten.geojson").toString(),
                "--preset", "cbs-new", "--level", "neighbourhood"));
        assertTrue(e.getMessage().contains("buurtcode"), e.getMessage());
    }

    @Test
    void aSourceWithoutCbsFieldsOrMappingAsksForOne() {
        var e = assertThrows(ImportException.class, () -> read(fixture("bow-tie.geojson").toString()));
        assertTrue(e.getMessage().contains("--code"), e.getMessage());
    }

    @Test
    void anUnknownPresetIsRefused() {
        var e = assertThrows(ImportException.class, () -> ImportOptions.parse("x.geojson", "--preset", "insee"));
        assertTrue(e.getMessage().contains("cbs-old"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        var e = assertThrows(ImportException.class, () -> read("does-not-exist.geojson"));
        assertTrue(e.getMessage().contains("does-not-exist.geojson"), e.getMessage());
    }

    @Test
    void optionsDefaultToADryRunNamedAfterTheFile() {
        ImportOptions options = ImportOptions.parse("dir/wijken_2024.geojson", "--year", "2024");
        assertEquals("wijken_2024", options.setName());
        assertEquals(2024, options.year());
        assertTrue(!options.commit());
    }

    @Test
    void crsNamesInTheirUsualSpellings() {
        assertEquals(28992, GeoJsonBoundaries.epsg("urn:ogc:def:crs:EPSG::28992"));
        assertEquals(28992, GeoJsonBoundaries.epsg("EPSG:28992"));
        assertEquals(4326, GeoJsonBoundaries.epsg("urn:ogc:def:crs:OGC:1.3:CRS84"));
    }

    @Test
    void progressIsReportedEvery500Features(@TempDir Path dir) throws IOException {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < 1200; i++) {
            double x = 5 + (i % 40) * 0.01;
            double y = 52 + (i / 40) * 0.01;
            json.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"id\":\"A").append(i)
                    .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[").append(x).append(',').append(y)
                    .append("],[").append(x + 0.01).append(',').append(y).append("],[").append(x + 0.01).append(',')
                    .append(y + 0.01).append("],[").append(x).append(',').append(y).append("]]]}}");
        }
        Path file = dir.resolve("many.geojson");
        Files.writeString(file, json.append("]}").toString());
        List<String> lines = new ArrayList<>();
        ImportBoundaries.read(ImportOptions.parse(file.toString(), "--code", "id"), lines::add);
        assertEquals(List.of("read 500 of 1200 features", "read 1000 of 1200 features"), lines);
    }
}
