package nl.plein.participation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.plein.accounts.Access;
import nl.plein.http.ApiError;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.participation.ParticipationAnalysis.Parameters;
import nl.plein.participation.ParticipationAnalysis.View;
import nl.plein.projects.ProjectStore;

/**
 * Who takes part in a project, per area of a boundary set, for a date range. Planners see the raw
 * counts with their intervals in the dashboard; everyone else sees the public form. Exports (CSV and
 * GeoJSON) are always the public form, whoever asks: a file leaves the dashboard.
 */
public final class ParticipationRoutes {
    private enum Table { AREAS, FLOWS, WEEKLY }

    private final ParticipationAnalysis participation;
    private final ProjectStore projects;
    private final AreaShapes shapes;

    public ParticipationRoutes(ParticipationAnalysis participation, AreaShapes shapes, ProjectStore projects) {
        this.participation = participation;
        this.shapes = shapes;
        this.projects = projects;
    }

    private record Request(long projectId, Long setId, LocalDate from, LocalDate to, Table table) {
    }

    private Request request(Context ctx, boolean export) {
        var query = export ? Query.of(ctx, "set", "from", "to", "table") : Query.of(ctx, "set", "from", "to");
        long projectId = Requests.pathId(ctx, "id", "Project");
        Long setId = query.id("set").orElse(null);
        var dates = query.dateRange();
        Table table = export ? query.choice("table", Table.class).orElse(Table.AREAS) : Table.AREAS;
        projects.rules(projectId);
        return new Request(projectId, setId, dates.from(), dates.to(), table);
    }

    private ObjectNode view(Request r, View view) {
        return participation.json(new Parameters(r.projectId(), r.setId(), r.from(), r.to(), view));
    }

    public void get(Context ctx) {
        var r = request(ctx, false);
        var view = Access.viewer(ctx).role().plans() ? View.RAW : View.PUBLIC;
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("application/json").result(Json.write(view(r, view)));
    }

    /** CSV (RFC 4180, UTF-8, a header row), public form. */
    public void csv(Context ctx) {
        var r = request(ctx, true);
        JsonNode json = view(r, View.PUBLIC);
        var out = new StringBuilder();
        switch (r.table()) {
            case AREAS -> {
                row(out, List.of("area_id", "code", "name", "population", "participants", "rate_per_1000", "ratio",
                        "representation", "proposals", "variants", "comments", "supports"));
                for (JsonNode a : json.get("areas")) {
                    row(out, List.of(a.get("areaId").asText(), a.get("code").asText(), a.get("name").asText(),
                            text(a.get("population")), a.get("participants").asText(), text(a.get("ratePer1000")),
                            text(a.get("ratio")), a.get("representation").asText(), a.get("proposals").asText(),
                            a.get("variants").asText(), a.get("comments").asText(), a.get("supports").asText()));
                }
            }
            case FLOWS -> {
                row(out, List.of("home_area_id", "home_area", "proposal_area_id", "proposal_area", "proposals"));
                for (JsonNode f : json.get("flows")) {
                    row(out, List.of(f.get("homeAreaId").asText(), f.get("homeName").asText(),
                            f.get("proposalAreaId").asText(), f.get("proposalName").asText(),
                            f.get("proposals").asText()));
                }
            }
            case WEEKLY -> {
                row(out, List.of("week", "week_start", "participants", "new_participants", "proposals", "variants",
                        "comments", "supports"));
                for (JsonNode w : json.get("weekly")) {
                    row(out, List.of(w.get("week").asText(), w.get("weekStart").asText(),
                            w.get("participants").asText(), w.get("newParticipants").asText(),
                            w.get("proposals").asText(), w.get("variants").asText(), w.get("comments").asText(),
                            w.get("supports").asText()));
                }
            }
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(r, json) + ".csv\"");
        GeoJson.send(ctx, "text/csv; charset=utf-8; header=present", out.toString());
    }

    /**
     * GeoJSON (RFC 7946), public form: areas as their polygons with the figures as properties, or the
     * home → proposal flows as lines between area centroids. The method and boundary set travel as
     * foreign members, so a GIS user keeps them with the file.
     */
    public void geojson(Context ctx) {
        var r = request(ctx, true);
        if (r.table() == Table.WEEKLY) {
            throw ApiError.invalid("table", "the weekly series has no geometry; ask for it as CSV");
        }
        ObjectNode json = view(r, View.PUBLIC);
        long setId = json.get("areaSet").get("id").asLong();
        var shape = shapes.read(setId);
        var collection = Json.MAPPER.createObjectNode();
        collection.put("type", "FeatureCollection");
        collection.put("name", fileName(r, json));
        collection.set("areaSet", json.get("areaSet"));
        collection.put("method", json.get("method").asText());
        collection.set("totals", json.get("totals"));
        var features = collection.putArray("features");
        if (r.table() == Table.AREAS) {
            for (JsonNode a : json.get("areas")) {
                var feature = features.addObject();
                feature.put("type", "Feature");
                feature.put("id", a.get("areaId").asLong());
                feature.putRawValue("geometry", shape.get(a.get("areaId").asLong()).geometry());
                feature.set("properties", ParticipationAnalysis.exportedProperties(a));
            }
        } else {
            for (JsonNode f : json.get("flows")) {
                var home = shape.get(f.get("homeAreaId").asLong());
                var place = shape.get(f.get("proposalAreaId").asLong());
                var feature = features.addObject();
                feature.put("type", "Feature");
                var line = feature.putObject("geometry");
                line.put("type", "LineString");
                line.putArray("coordinates").add(home.centre()).add(place.centre());
                feature.set("properties", f);
            }
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(r, json) + ".geojson\"");
        GeoJson.send(ctx, GeoJson.MEDIA_TYPE, Json.write(collection));
    }

    private static String fileName(Request r, JsonNode json) {
        return "participation-project-" + r.projectId() + "-set-" + json.get("areaSet").get("id").asLong() + "-"
                + r.table().name().toLowerCase(Locale.ROOT)
                + (r.from() == null ? "" : "-from-" + r.from()) + (r.to() == null ? "" : "-to-" + r.to());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * One CSV field: quoted when it holds a separator, quote or line break, and prefixed with an
     * apostrophe when a spreadsheet would read it as a formula (a name starting with =, +, - or @).
     */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                && !value.matches("-?[0-9.]+") ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
