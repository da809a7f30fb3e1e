package nl.plein.areas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import nl.plein.areas.AreaAssignment.Count;
import nl.plein.areas.AreaAssignment.Drawing;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.gisdata.boundaries.BoundaryImporter;
import nl.plein.gisdata.boundaries.BoundarySource;
import nl.plein.gisdata.boundaries.FieldMapping;
import nl.plein.gisdata.boundaries.GeoJsonBoundaries;
import nl.plein.gisdata.boundaries.ImportException;
import nl.plein.gisdata.boundaries.ImportOptions;
import nl.plein.gisdata.boundaries.ImportReport;
import nl.plein.gisdata.boundaries.Level;
import nl.plein.gisdata.boundaries.OptionNames;
import org.jdbi.v3.core.Jdbi;

/**
 * Boundary sets over HTTP: list them, upload one (a dry run unless {@code dryRun=false}), and place
 * every drawing in a set's areas. Reading and writing a set is the gis-data importer's work, the
 * same code `plein import-boundaries` runs, with the same options as query parameters
 * ({@link #PARAMETERS}), which its messages name.
 */
public final class AreaSetRoutes {
    private static final String LIST = Jdbis.sql(AreaSetRoutes.class, "area-sets.sql");
    private static final String EXISTS = Jdbis.sql(AreaSetRoutes.class, "area-set-exists.sql");
    private static final String SRID_KNOWN = Jdbis.sql(AreaSetRoutes.class, "srid-known.sql");

    private final Jdbi jdbi;
    private final long maxBoundaryBytes;

    public AreaSetRoutes(Jdbi jdbi, long maxBoundaryBytes) {
        this.jdbi = jdbi;
        this.maxBoundaryBytes = maxBoundaryBytes;
    }

    public void list(Context ctx) {
        Query.of(ctx);
        var sets = jdbi.withHandle(h -> h.createQuery(LIST).mapTo(String.class).list());
        ctx.contentType("application/json").result("{\"sets\":[" + String.join(",", sets) + "]}");
    }

    /** The upload's query parameters, as its messages name them. */
    static final OptionNames PARAMETERS = new OptionNames("preset", "level", "codeField", "nameField",
            "populationField", "parentField", "srid", "name", "year", "=");

    public void upload(Context ctx) {
        var options = options(ctx);
        byte[] bytes = body(ctx);
        JsonNode root = Json.parse(bytes);
        BoundarySource source = parse("body", () -> new GeoJsonBoundaries().read(root,
                GeoJsonBoundaries.sha256(bytes), options, line -> { }));
        ImportReport report;
        try {
            // The importer runs its own transaction on the handle: a dry run is rolled back.
            report = jdbi.withHandle(h -> new BoundaryImporter(line -> { }).run(h, source, options, "upload by HTTP"));
        } catch (ImportException e) {
            throw ApiError.conflict(PARAMETERS.setName(), e.getMessage());
        }
        ObjectNode json = report(report);
        if (report.committed()) {
            json.set("assigned", counts(jdbi.inTransaction(h -> AreaAssignment.assignAll(h, report.setId()))));
        }
        ctx.status(report.committed() ? 201 : 200).contentType("application/json").result(json.toString());
    }

    /** The import's options from the query: the set, the mapping of fields, the source's CRS. */
    private ImportOptions options(Context ctx) {
        var p = PARAMETERS;
        var query = Query.of(ctx, p.setName(), p.year(), p.level(), p.preset(), "dryRun", p.code(), p.name(),
                p.population(), p.parent(), p.srid());
        String name = query.text(p.setName(), 200).orElseThrow(() -> ApiError.invalid(p.setName(), "is required"));
        Integer year = query.optionalInteger(p.year(), 1800, 2200).orElse(null);
        Level level = query.text(p.level(), 20).map(raw -> parse(p.level(), () -> Level.parse(raw))).orElse(null);
        String preset = query.text(p.preset(), 20).orElse(null);
        if (preset != null && !FieldMapping.PRESETS.contains(preset)) {
            throw ApiError.invalid(p.preset(), "use one of " + FieldMapping.PRESETS + ", or name the fields with "
                    + p.code() + " and " + p.name());
        }
        boolean dryRun = query.text("dryRun", 5).map(AreaSetRoutes::bool).orElse(true);
        // The generic mapping of `plein import-boundaries --code … --name … --population … --parent …`.
        String code = query.text(p.code(), 200).orElse(null);
        String nameField = query.text(p.name(), 200).orElse(null);
        String population = query.text(p.population(), 200).orElse(null);
        String parent = query.text(p.parent(), 200).orElse(null);
        Integer srid = query.optionalInteger(p.srid(), 1, 998_999).orElse(null);
        if (srid != null && !jdbi.withHandle(h -> h.createQuery(SRID_KNOWN).bind("srid", srid)
                .mapTo(Boolean.class).one())) {
            throw ApiError.invalid(p.srid(), "PostGIS does not know EPSG:" + srid);
        }
        return new ImportOptions(java.nio.file.Path.of("upload.geojson"), preset, level, code, nameField,
                population, parent, name, year, srid, null, null, !dryRun, p);
    }

    public void assign(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Boundary set");
        Query.of(ctx);
        var counts = jdbi.inTransaction(h -> {
            if (!h.createQuery(EXISTS).bind("id", id).mapTo(Boolean.class).one()) {
                throw ApiError.notFound("Boundary set " + id);
            }
            return AreaAssignment.assignAll(h, id);
        });
        ObjectNode json = Json.MAPPER.createObjectNode().put("areaSetId", id);
        json.set("assigned", counts(counts));
        ctx.contentType("application/json").result(json.toString());
    }

    /** The body, read up to the boundary limit: larger than what residents may send, so read here. */
    private byte[] body(Context ctx) {
        String type = ctx.contentType();
        String base = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!base.equals("application/json") && !base.equals("application/geo+json")) {
            throw ApiError.unsupportedMediaType(type == null ? "no Content-Type" : "'" + base + "'");
        }
        if (ctx.contentLength() > maxBoundaryBytes) {
            throw ApiError.tooLarge(maxBoundaryBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBoundaryBytes + 1));
            if (bytes.length > maxBoundaryBytes) {
                throw ApiError.tooLarge(maxBoundaryBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiError.malformedJson("the body could not be read");
        }
    }

    private static boolean bool(String raw) {
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.invalid("dryRun", "must be true or false, not '" + raw + "'");
        };
    }

    /**
     * Runs a step of the importer, reporting its complaint as a problem with the parameter that
     * would put it right, else with this field.
     */
    private static <T> T parse(String field, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ImportException e) {
            throw ApiError.invalid(e.option() != null ? e.option() : field, e.getMessage());
        }
    }

    private static ObjectNode report(ImportReport r) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("name", r.setName());
        json.put("year", r.year());
        json.put("level", r.level() == null ? null : r.level().key());
        json.put("committed", r.committed());
        json.put("unchanged", r.unchanged());
        if (r.setId() > 0) {
            json.put("id", r.setId());
        }
        json.put("areas", r.areas());
        json.put("populationTotal", r.populationTotal());
        json.set("unknownPopulation", Json.MAPPER.valueToTree(r.unknownPopulation()));
        json.set("repaired", Json.MAPPER.valueToTree(r.repaired()));
        json.put("srid", r.srid());
        json.put("crsFrom", r.crsFrom());
        json.put("fields", r.mapping());
        json.put("report", r.describe());
        return json;
    }

    private static ObjectNode counts(Map<Drawing, Count> counts) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        counts.forEach((drawing, count) -> json.putObject(drawing.name().toLowerCase(Locale.ROOT))
                .put("inSet", count.inSet()).put("changed", count.changed()));
        return json;
    }
}
