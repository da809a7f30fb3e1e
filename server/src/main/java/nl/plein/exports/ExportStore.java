package nl.plein.exports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import nl.plein.http.Json;
import nl.plein.ogc.FeatureStore;
import nl.plein.participation.ParticipationAnalysis;
import nl.plein.proposals.Visibility;
import org.jdbi.v3.core.Jdbi;

/**
 * The rows of an export, public data only. Proposals, variants and participation use the very
 * statements of the OGC collections, so a file and a GIS client see the same features; comments
 * add the unpinned ones. Participation figures are the public form of the participation report,
 * small counts suppressed as in its own exports.
 *
 * <p>A file is built in memory: a project holds thousands of contributions, not millions. A much
 * larger one would want its rows streamed to the response instead.
 */
final class ExportStore {
    /**
     * One row: its id, geometry as GeoJSON, WKT and little-endian WKB with its box (minX, maxX,
     * minY, maxY), all null when it has none, a point on it, and its fields as the JSON PostGIS
     * wrote (a GeoJSON file carries it as it is; {@link #properties()} reads it for the other forms).
     */
    record Row(long id, String geoJson, String wkt, String lon, String lat, String propertiesJson, byte[] wkb,
            double[] box) {
        /** The fields, read from {@link #propertiesJson()}: read once per row. */
        ObjectNode properties() {
            return (ObjectNode) Json.parse(propertiesJson.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The rows, and for participation the boundary set they are counted in (else null). */
    record Rows(List<Row> rows, Long setId) {
    }

    private static final String ROWS = Jdbis.sql(ExportStore.class, "rows.sql");
    /** The fragment {@code <source>} of rows.sql for each dataset: the OGC collection's statement. */
    private static final Map<Dataset, String> SOURCES = new EnumMap<>(Dataset.class);

    static {
        SOURCES.put(Dataset.PROPOSALS, withPhotos(source("proposals.sql"), "proposal_id"));
        SOURCES.put(Dataset.VARIANTS, source("variants.sql"));
        SOURCES.put(Dataset.COMMENTS, withPhotos(source("comments.sql"), "comment_id"));
        SOURCES.put(Dataset.PARTICIPATION, source("participation.sql"));
    }

    /** Rows of proposals or comments with their public photos' links (with-photos.sql), by photos' column. */
    private static String withPhotos(String rows, String photoColumn) {
        return Jdbis.sql(ExportStore.class, "with-photos.sql").replace("<rows>", rows).replace("<column>", photoColumn);
    }

    /**
     * An OGC collection's statement with the visibility rule written in where it names it (as
     * {@code <visible>}): a defined fragment is not
     * templated again, so the rule cannot be left to {@link Visibility#apply}, which still binds
     * its parameters.
     */
    private static String source(String name) {
        return Jdbis.sql(FeatureStore.class, name).replace("<visible>", Visibility.PROPOSAL_NAMED);
    }

    private final Jdbi jdbi;
    private final ParticipationAnalysis participation;

    ExportStore(Jdbi jdbi, ParticipationAnalysis participation) {
        this.jdbi = jdbi;
        this.participation = participation;
    }

    /**
     * @param setId the boundary set for participation; null takes the project's own
     * @param base  the address links in the rows start with (photos), without a trailing slash
     */
    Rows read(Dataset dataset, long projectId, Long setId, String base) {
        Long set = null;
        String figures = null;
        if (dataset == Dataset.PARTICIPATION) {
            var areas = participation.exportedAreas(projectId, setId);
            set = areas.setId();
            figures = areas.byArea();
        }
        Long chosenSet = set;
        String chosenFigures = figures;
        // Public data only: the rows anyone may see, as for a viewer who is nobody in particular.
        var rows = jdbi.withHandle(h -> Visibility.apply(h.createQuery(ROWS), Viewer.ANONYMOUS)
                .define("source", SOURCES.get(dataset))
                .bind("owner", projectId).bind("set", chosenSet).bind("figures", chosenFigures).bind("base", base)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getObject(8) == null ? null
                        : new double[] {rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11)}))
                .list());
        return new Rows(rows, set);
    }
}
