package nl.plein.exports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a project can be exported as, each with the fields of its rows in the order a CSV file
 * gives them. Every row also has its id, and in CSV its geometry as WKT and the longitude and
 * latitude of a representative point ({@link #GEOMETRY}); GeoJSON carries the geometry itself.
 * No dataset holds anything about who wrote what.
 */
enum Dataset {
    PROPOSALS(List.of(
            Field.of("title", "text", "", "Titel van het voorstel", "Title of the proposal"),
            Field.of("description", "text", "", "Toelichting", "Description"),
            Field.of("category", "text", "", "Categorie (een van de categorieën van het project)",
                    "Category (one of the project's categories)"),
            Field.of("status", "text", "", "Stand in de besluitvorming (published, under_consideration,"
                    + " accepted, rejected, realised)",
                    "Stage of the decision (published, under_consideration, accepted, rejected, realised)"),
            Field.of("supportCount", "integer", "accounts", "Aantal steunbetuigingen", "Number of supports"),
            Field.of("commentCount", "integer", "comments", "Aantal zichtbare reacties", "Number of visible comments"),
            Field.of("variantCount", "integer", "variants", "Aantal zichtbare varianten", "Number of visible variants"),
            Field.of("createdAt", "timestamp", "", "Moment van indienen", "When it was submitted"),
            Field.of("updatedAt", "timestamp", "", "Laatst gewijzigd", "Last changed"),
            new Field("photos", "text", "", "Links naar de foto's bij het voorstel (weergaveformaat, JPEG),"
                    + " gescheiden door spaties; leeg: geen", "Links to the proposal's photos (display size, JPEG),"
                    + " separated by spaces; empty: none", "Public photos only; each link is absolute."))),
    VARIANTS(List.of(
            Field.of("proposalId", "integer", "", "Id van het voorstel waar dit een variant van is",
                    "Id of the proposal this is a variant of"),
            Field.of("title", "text", "", "Titel van de variant", "Title of the variant"),
            Field.of("description", "text", "", "Toelichting", "Description"),
            Field.of("createdAt", "timestamp", "", "Moment van indienen", "When it was submitted"),
            Field.of("updatedAt", "timestamp", "", "Laatst gewijzigd", "Last changed"))),
    COMMENTS(List.of(
            Field.of("proposalId", "integer", "", "Id van het voorstel waarop gereageerd is",
                    "Id of the proposal commented on"),
            Field.of("parentId", "integer", "", "Id van de reactie waarop dit een antwoord is (leeg: geen)",
                    "Id of the comment this replies to (empty: none)"),
            Field.of("body", "text", "", "Tekst van de reactie", "Text of the comment"),
            Field.of("createdAt", "timestamp", "", "Moment van plaatsen", "When it was posted"),
            Field.of("updatedAt", "timestamp", "", "Laatst gewijzigd", "Last changed"),
            new Field("photos", "text", "", "Links naar de foto's bij de reactie (weergaveformaat, JPEG),"
                    + " gescheiden door spaties; leeg: geen", "Links to the comment's photos (display size, JPEG),"
                    + " separated by spaces; empty: none", "Public photos only; each link is absolute."))),
    PARTICIPATION(List.of(
            Field.of("areaId", "integer", "", "Id van het gebied", "Id of the area"),
            Field.of("code", "text", "", "Code van het gebied (bijv. CBS-buurtcode)", "Code of the area (e.g. CBS code)"),
            Field.of("name", "text", "", "Naam van het gebied", "Name of the area"),
            Field.of("population", "integer", "inhabitants", "Aantal inwoners volgens de gebiedsindeling",
                    "Population according to the boundary set"),
            Field.of("populationKnown", "boolean", "", "Of het aantal inwoners bekend is", "Whether the population is known"),
            Field.count("participants", "Deelnemers die in dit gebied wonen", "Participants living in this area"),
            Field.of("hidden", "text", "", "Of en waarom het aantal deelnemers verborgen is (NO, SMALL, SECONDARY)",
                    "Whether and why the participant count is hidden (NO, SMALL, SECONDARY)"),
            new Field("ratePer1000", "decimal", "participants per 1000 inhabitants",
                    "Deelnemers per 1000 inwoners", "Participants per 1000 inhabitants",
                    "Computed from the rounded count; empty where the count is hidden."),
            new Field("ratio", "decimal", "", "Aandeel deelnemers gedeeld door aandeel inwoners (1 = evenredig)",
                    "Share of participants over share of population (1 = in proportion)",
                    "Computed from the rounded count; empty where the count is hidden."),
            Field.of("representation", "text", "", "Vertegenwoordiging ten opzichte van de bevolking (UNDER, WITHIN, OVER, UNKNOWN)",
                    "Representation relative to the population (UNDER, WITHIN, OVER, UNKNOWN)"),
            Field.count("proposals", "Voorstellen van deelnemers uit dit gebied", "Proposals by participants from this area"),
            Field.count("variants", "Varianten van deelnemers uit dit gebied", "Variants by participants from this area"),
            Field.count("comments", "Reacties van deelnemers uit dit gebied", "Comments by participants from this area"),
            Field.count("supports", "Steunbetuigingen van deelnemers uit dit gebied", "Supports by participants from this area")));

    /** The columns every CSV row has besides the dataset's fields: id first, geometry last. */
    static final List<Field> GEOMETRY = List.of(
            new Field("wkt", "text", "", "Geometrie als WKT (EPSG:4326, lengte breedte)",
                    "Geometry as WKT (EPSG:4326, longitude latitude)", Field.CSV_ONLY),
            new Field("lon", "decimal", "degrees", "Lengtegraad van een representatief punt op de geometrie",
                    "Longitude of a representative point on the geometry", Field.CSV_ONLY),
            new Field("lat", "decimal", "degrees", "Breedtegraad van een representatief punt op de geometrie",
                    "Latitude of a representative point on the geometry", Field.CSV_ONLY));
    static final Field ID = Field.of("id", "integer", "", "Id in Plein", "Id in Plein");

    final List<Field> fields;

    Dataset(List<Field> fields) {
        this.fields = fields;
    }

    String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every column of the CSV form, in order. */
    List<Field> columns() {
        var all = new java.util.ArrayList<Field>();
        all.add(ID);
        all.addAll(fields);
        all.addAll(GEOMETRY);
        return all;
    }

    static Optional<Dataset> named(String name) {
        for (Dataset d : values()) {
            if (d.fileName().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
