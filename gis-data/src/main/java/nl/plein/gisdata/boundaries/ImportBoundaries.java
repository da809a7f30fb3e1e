package nl.plein.gisdata.boundaries;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** Reads a boundary file and imports it (or reports what it would import) on one handle. */
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

    /** Reads the file and imports it in a transaction of its own on the handle (a dry run unless told). */
    public static ImportReport run(Handle h, ImportOptions options, Consumer<String> progress) {
        BoundarySource source = read(options, progress);
        return new BoundaryImporter(progress).run(h, source, options, options.file().getFileName().toString());
    }
}
