package nl.plein.gisdata.boundaries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Turns any boundary file into GeoJSON: GeoJSON is read as it is; GeoPackage, Shapefile and
 * FlatGeobuf go through GDAL's ogr2ogr, reprojected to EPSG:4326 on the way.
 */
public final class SourceFiles {
    private SourceFiles() {
    }

    /** The GeoJSON to read: the file itself, or a temporary conversion the caller deletes. */
    public record Converted(Path geojson, boolean temporary) {}

    public static Converted asGeoJson(Path file, Integer sourceSrid) {
        if (!Files.isRegularFile(file)) {
            throw new ImportException("No such file: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return new Converted(file, false);
        }
        if (!(name.endsWith(".gpkg") || name.endsWith(".shp") || name.endsWith(".fgb") || name.endsWith(".zip"))) {
            throw new ImportException("Cannot read " + file.getFileName()
                    + ": use GeoJSON, GeoPackage (.gpkg), Shapefile (.shp, or zipped) or FlatGeobuf (.fgb)");
        }
        requireOgr2ogr();
        try {
            Path out = Files.createTempFile("plein-boundaries-", ".geojson");
            Files.delete(out);
            String source = name.endsWith(".zip") ? "/vsizip/" + file.toAbsolutePath() : file.toString();
            List<String> command = new ArrayList<>(
                    List.of("ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:4326"));
            if (sourceSrid != null) {
                command.addAll(List.of("-s_srs", "EPSG:" + sourceSrid));
            }
            command.addAll(List.of(out.toString(), source));
            run(command.toArray(String[]::new));
            return new Converted(out, true);
        } catch (IOException e) {
            throw new ImportException("Cannot convert " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireOgr2ogr() {
        try {
            run("ogr2ogr", "--version");
        } catch (IOException | ImportException e) {
            throw new ImportException("Reading GeoPackage, Shapefile or FlatGeobuf needs GDAL's ogr2ogr, which is not "
                    + "installed (on Debian or Ubuntu: apt-get install gdal-bin). Or convert the file to GeoJSON first.");
        }
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new ImportException(command[0] + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException(command[0] + " was interrupted", e);
        }
    }
}
