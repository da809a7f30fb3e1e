package nl.plein.exports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import nl.plein.http.ApiError;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.participation.ParticipationAnalysis;
import nl.plein.projects.ProjectStore;
import org.jdbi.v3.core.Jdbi;

/**
 * A project's public data as files for GIS tools and spreadsheets: {@code {dataset}.{format}} for
 * the datasets of {@link Dataset} in GeoJSON, CSV or GeoPackage, and what each column means:
 * {@code {dataset}.dictionary.csv} to read beside the data, {@code {dataset}.dictionary.json} for
 * programs, both written from the dataset's {@link Field}s. Whoever asks gets the public form: a file leaves Plein, so hidden, withdrawn and
 * unpublished content and anything about authors stay out, and small counts stay suppressed.
 */
public final class ExportRoutes {
    private enum Format { GEOJSON, CSV, GPKG }

    private static final String DICTIONARY = ".dictionary.";

    private final ExportStore store;
    private final ProjectStore projects;
    /** Where photo links point (PLEIN_PUBLIC_URL); empty: the address each request came to. */
    private final java.util.Optional<String> publicUrl;

    public ExportRoutes(Jdbi jdbi, ProjectStore projects, ParticipationAnalysis participation,
                        java.util.Optional<String> publicUrl) {
        this.store = new ExportStore(jdbi, participation);
        this.projects = projects;
        this.publicUrl = publicUrl;
    }

    /** GET /api/projects/{id}/exports/{file}: one dataset as a file, or its data dictionary. */
    public void get(Context ctx) {
        long projectId = Requests.pathId(ctx, "id", "Project");
        String file = ctx.pathParam("file");
        String dictionary = file.endsWith(DICTIONARY + "csv") ? "csv" : file.endsWith(DICTIONARY + "json") ? "json" : null;
        String stem = dictionary != null ? file.substring(0, file.length() - DICTIONARY.length() - dictionary.length())
                : file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        Dataset dataset = Dataset.named(stem).orElseThrow(() -> ApiError.notFound("Export '"
                + (file.length() > 40 ? file.substring(0, 40) + "…" : file) + "'"));
        if ("json".equals(dictionary)) {
            Query.of(ctx);
            projects.rules(projectId);
            ctx.header("Content-Disposition", "attachment; filename=\"" + dataset.fileName() + "-dictionary.json\"");
            GeoJson.send(ctx, "application/json; charset=utf-8", Json.write(dictionaryJson(dataset)));
            return;
        }
        if ("csv".equals(dictionary)) {
            boolean excel = excel(Query.of(ctx, "excel"));
            projects.rules(projectId);
            send(ctx, dataset.fileName() + "-dictionary.csv", dictionaryCsv(dataset, excel));
            return;
        }
        Format format = format(file.substring(stem.length()));
        var allowed = new ArrayList<String>();
        if (format == Format.CSV) {
            allowed.add("excel");
        }
        if (dataset == Dataset.PARTICIPATION) {
            allowed.add("set");
        }
        var query = Query.of(ctx, allowed.toArray(String[]::new));
        boolean excel = format == Format.CSV && excel(query);
        Long setId = dataset == Dataset.PARTICIPATION ? query.id("set").orElse(null) : null;
        projects.rules(projectId);
        var rows = store.read(dataset, projectId, setId,
                publicUrl.orElseGet(() -> ctx.scheme() + "://" + ctx.host()));
        String name = "plein-project-" + projectId + "-" + dataset.fileName()
                + (rows.setId() == null ? "" : "-set-" + rows.setId());
        ctx.header("Cache-Control", "no-cache");
        if (format == Format.GEOJSON) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".geojson\"");
            GeoJson.send(ctx, GeoJson.MEDIA_TYPE, geojson(name, rows.rows()));
        } else if (format == Format.GPKG) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".gpkg\"");
            ctx.contentType("application/geopackage+sqlite3").result(GeoPackage.write(dataset,
                    "Plein project " + projectId + ": " + dataset.fileName(), rows.rows()));
        } else {
            send(ctx, name + (excel ? "-excel" : "") + ".csv", csv(dataset, rows.rows(), excel));
        }
    }

    private static Format format(String suffix) {
        return switch (suffix) {
            case ".geojson" -> Format.GEOJSON;
            case ".csv" -> Format.CSV;
            case ".gpkg" -> Format.GPKG;
            default -> throw ApiError.invalid("format", "must be geojson, csv, gpkg, dictionary.csv or dictionary.json, not '"
                    + (suffix.isEmpty() ? "" : suffix.substring(1, Math.min(suffix.length(), 30))) + "'");
        };
    }

    private static boolean excel(Query query) {
        return query.text("excel", 5).map(raw -> switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.invalid("excel", "must be true or false, not '" + raw + "'");
        }).orElse(false);
    }

    private static void send(Context ctx, String fileName, String csv) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        GeoJson.send(ctx, "text/csv; charset=utf-8; header=present", csv);
    }

    /** RFC 7946: a FeatureCollection in longitude/latitude; rows without a place have a null geometry. */
    private static String geojson(String name, List<ExportStore.Row> rows) {
        var out = new StringBuilder("{\"type\":\"FeatureCollection\",\"name\":").append(Json.write(name))
                .append(",\"features\":[");
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            out.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"id\":").append(row.id())
                    .append(",\"geometry\":").append(row.geoJson() == null ? "null" : row.geoJson())
                    .append(",\"properties\":").append(row.propertiesJson()).append('}');
        }
        return out.append("]}").toString();
    }

    private static String csv(Dataset dataset, List<ExportStore.Row> rows, boolean excel) {
        var columns = dataset.columns();
        boolean[] decimal = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            decimal[i] = columns.get(i).decimal();
        }
        var csv = new Csv(excel).row(columns.stream().map(Field::name).toList(), null);
        for (var row : rows) {
            var cells = new ArrayList<String>(columns.size());
            cells.add(Long.toString(row.id()));
            var properties = row.properties();
            for (Field field : dataset.fields) {
                var value = properties.get(field.name());
                cells.add(value == null || value.isNull() ? "" : value.asText());
            }
            cells.add(row.wkt());
            cells.add(row.lon());
            cells.add(row.lat());
            csv.row(cells, decimal);
        }
        return csv.toString();
    }

    /** The data dictionary as CSV: one row per column of the CSV form (GeoJSON has the same properties). */
    private static String dictionaryCsv(Dataset dataset, boolean excel) {
        var csv = new Csv(excel).row(List.of("field", "type", "unit", "meaning_nl", "meaning_en", "note"), null);
        for (Field f : dataset.columns()) {
            csv.row(List.of(f.name(), f.type(), f.unit(), f.nl(), f.en(), f.note()), null);
        }
        return csv.toString();
    }

    /** The same dictionary as JSON: its rows in order, each field an object; no unit or note is "". */
    private static ObjectNode dictionaryJson(Dataset dataset) {
        var json = Json.MAPPER.createObjectNode().put("dataset", dataset.fileName());
        var fields = json.putArray("fields");
        for (Field f : dataset.columns()) {
            var field = fields.addObject().put("name", f.name()).put("type", f.type()).put("unit", f.unit());
            field.putObject("meaning").put("nl", f.nl()).put("en", f.en());
            field.put("note", f.note());
        }
        return json;
    }
}
