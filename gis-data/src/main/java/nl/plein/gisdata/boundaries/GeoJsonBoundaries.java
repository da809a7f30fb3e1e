package nl.plein.gisdata.boundaries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Reads a GeoJSON FeatureCollection of (Multi)Polygons into boundary features, mapping properties
 * by a {@link FieldMapping}. Geometry stays in the source CRS; PostGIS transforms and repairs it.
 */
public final class GeoJsonBoundaries {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EPSG = Pattern.compile("EPSG:{1,2}(?:[0-9.]*:)?(\\d+)$", Pattern.CASE_INSENSITIVE);
    private static final int PROGRESS_EVERY = 500;

    private final GeometryFactory geometries = new GeometryFactory();

    /** Reads a GeoJSON file; sha256 is that of {@code fingerprinted}, the file the user named. */
    public BoundarySource read(Path geojson, Path fingerprinted, ImportOptions options, Consumer<String> progress) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(geojson)) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new ImportException("Cannot read " + geojson.getFileName() + " as GeoJSON: " + e.getMessage(), e);
        }
        return read(root, sha256(fingerprinted), options, progress);
    }

    /** Reads GeoJSON already parsed, e.g. an upload; sha256 fingerprints the bytes it came from. */
    public BoundarySource read(JsonNode root, String sha256, ImportOptions options, Consumer<String> progress) {
        JsonNode features = root.path("features");
        if (!"FeatureCollection".equals(root.path("type").asText()) || !features.isArray()) {
            throw new ImportException("Expected a GeoJSON FeatureCollection");
        }
        Set<String> fields = new LinkedHashSet<>();
        for (JsonNode f : features) {
            f.path("properties").fieldNames().forEachRemaining(fields::add);
        }
        FieldMapping mapping = FieldMapping.resolve(options, fields);
        String crsName = root.path("crs").path("properties").path("name").asText(null);
        int srid;
        String crsFrom;
        if (options.srid() != null) {
            srid = options.srid();
            crsFrom = options.names().srid();
        } else if (crsName != null) {
            srid = epsg(crsName, options.names());
            crsFrom = "the file's crs member";
        } else {
            srid = 4326;
            crsFrom = "GeoJSON's default";
        }
        List<BoundaryFeature> read = new ArrayList<>(features.size());
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode f : features) {
            BoundaryFeature feature = feature(f, mapping, read.size());
            if (!codes.add(feature.code())) {
                throw new ImportException("Code " + feature.code() + " appears more than once");
            }
            read.add(feature);
            if (read.size() % PROGRESS_EVERY == 0) {
                progress.accept("read " + read.size() + " of " + features.size() + " features");
            }
        }
        if (read.isEmpty()) {
            throw new ImportException("The source has no features");
        }
        if (srid == 4326) {
            var box = geometries.buildGeometry(read.stream().map(BoundaryFeature::geometry).toList())
                    .getEnvelopeInternal();
            if (box.getMinX() < -180 || box.getMaxX() > 180 || box.getMinY() < -90 || box.getMaxY() > 90) {
                OptionNames names = options.names();
                throw new ImportException("The coordinates are not longitude/latitude (they reach "
                        + box + ") and the file names no CRS: give it with " + names.srid() + ", e.g. "
                        + names.with(names.srid(), "28992") + " for RD New", names.srid());
            }
        }
        return new BoundarySource(read, mapping, srid, crsFrom, sha256);
    }

    static int epsg(String crsName) {
        return epsg(crsName, OptionNames.COMMAND_LINE);
    }

    static int epsg(String crsName, OptionNames names) {
        if (crsName.equals("urn:ogc:def:crs:OGC:1.3:CRS84") || crsName.equals("urn:ogc:def:crs:OGC::CRS84")) {
            return 4326;
        }
        Matcher m = EPSG.matcher(crsName.trim());
        if (!m.find()) {
            throw new ImportException("Cannot tell the CRS from '" + crsName + "': give it with " + names.srid(),
                    names.srid());
        }
        return Integer.parseInt(m.group(1));
    }

    private BoundaryFeature feature(JsonNode f, FieldMapping mapping, int index) {
        JsonNode p = f.path("properties");
        String code = text(p.get(mapping.code()));
        if (code == null) {
            throw new ImportException("Feature " + (index + 1) + " has no " + mapping.code());
        }
        String name = mapping.name() == null ? code : text(p.get(mapping.name()));
        Integer population = mapping.population() == null ? null : population(p.get(mapping.population()));
        String parent = mapping.parent() == null ? null : text(p.get(mapping.parent()));
        List<String> repairs = new ArrayList<>();
        Geometry geometry = geometry(f.path("geometry"), code, repairs);
        if (repairs.isEmpty()) {
            var op = new IsValidOp(geometry);
            if (!op.isValid()) {
                repairs.add(op.getValidationError().getMessage().toLowerCase(Locale.ROOT));
            }
        }
        return new BoundaryFeature(code, name == null ? code : name, population, parent, geometry,
                repairs.isEmpty() ? null : String.join("; ", repairs));
    }

    /** A count of people, or null (unknown) when absent, not a number, or a negative CBS code. */
    static Integer population(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        double n;
        if (value.isNumber()) {
            n = value.asDouble();
        } else {
            try {
                n = Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (n < 0 || n > Integer.MAX_VALUE || Double.isNaN(n)) {
            return null;
        }
        return (int) Math.round(n);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String s = value.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private Geometry geometry(JsonNode g, String code, List<String> repairs) {
        String type = g.path("type").asText();
        JsonNode coords = g.path("coordinates");
        List<Polygon> polygons = new ArrayList<>();
        switch (type) {
            case "Polygon" -> addPolygon(coords, polygons, repairs);
            case "MultiPolygon" -> coords.forEach(c -> addPolygon(c, polygons, repairs));
            default -> throw new ImportException("Area " + code + " is a " + (type.isEmpty() ? "missing geometry" : type)
                    + "; boundaries must be polygons");
        }
        if (polygons.isEmpty()) {
            throw new ImportException("Area " + code + " has no polygon with at least three corners");
        }
        return geometries.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** Adds one polygon; rings too short to enclose anything are left out and reported. */
    private void addPolygon(JsonNode rings, List<Polygon> polygons, List<String> repairs) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (JsonNode ring : rings) {
            List<Coordinate> points = new ArrayList<>();
            for (JsonNode c : ring) {
                points.add(new Coordinate(c.get(0).asDouble(), c.get(1).asDouble()));
            }
            if (!points.isEmpty() && !points.get(0).equals2D(points.get(points.size() - 1))) {
                points.add(points.get(0));
                repairs.add("ring not closed");
            }
            if (points.size() < 4) {
                repairs.add("ring with too few points");
                if (shell == null) {
                    return;
                }
                continue;
            }
            LinearRing r = geometries.createLinearRing(points.toArray(Coordinate[]::new));
            if (shell == null) {
                shell = r;
            } else {
                holes.add(r);
            }
        }
        if (shell != null) {
            polygons.add(geometries.createPolygon(shell, holes.toArray(LinearRing[]::new)));
        }
    }

    /** The fingerprint a set remembers of its source, for bytes received rather than a file. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ImportException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
