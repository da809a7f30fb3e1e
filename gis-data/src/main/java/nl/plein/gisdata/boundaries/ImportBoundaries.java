package nl.plein.gisdata.boundaries;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Reads a boundary file and imports it (or reports what it would import) over one connection. */
public final class ImportBoundaries {
    private ImportBoundaries() {
    }

    /** Reads the file named in the options; no database needed. */
    public static BoundarySource read(ImportOptions options, Consumer<String> progress) {
        SourceFiles.Converted converted = SourceFiles.asGeoJson(options.file(), options.srid());
        try {
            // ogr2ogr has already reprojected to EPSG:4326 (from --srid, when given).
            ImportOptions reading = converted.temporary() ? options.withSrid(null) : options;
            BoundarySource source = new GeoJsonBoundaries().read(converted.geojson(), options.file(), reading, progress);
            return converted.temporary()
                    ? new BoundarySource(source.features(), source.mapping(), source.srid(),
                            "ogr2ogr, which reprojected the " + (options.srid() == null ? "file's own CRS"
                                    : "EPSG:" + options.srid() + " given by --srid"), source.sha256())
                    : source;
        } finally {
            if (converted.temporary()) {
                try {
                    Files.deleteIfExists(converted.geojson());
                } catch (IOException e) {
                    progress.accept("could not delete the temporary file " + converted.geojson());
                }
            }
        }
    }

    public static ImportReport run(Connection c, ImportOptions options, Consumer<String> progress) throws SQLException {
        BoundarySource source = read(options, progress);
        return new BoundaryImporter(progress).run(c, source, options, options.file().getFileName().toString());
    }
}
