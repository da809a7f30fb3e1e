package nl.plein.exports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;
import nl.plein.db.Jdbis;

/**
 * Writes one dataset as an OGC GeoPackage 1.2 (an SQLite file): the required tables
 * gpkg_spatial_ref_sys, gpkg_contents and gpkg_geometry_columns, gpkg_extensions for the spatial
 * index, and one feature table named after
 * the dataset whose fid is Plein's id. Geometry is GeoPackage binary: the "GP" header with the SRS
 * (4326, x = longitude) and the box, then the WKB PostGIS made. The geometry column has the RTree
 * spatial index extension ({@code rtree.sql}), filled from the boxes PostGIS gave with the rows, so
 * QGIS and GDAL find it ready instead of scanning or building one. SQLite writes to a file, so the
 * package is made in a temporary file and read back.
 */
final class GeoPackage {
    /** 'GPKG' as the 32-bit application id of the SQLite header. */
    private static final int APPLICATION_ID = 0x47504B47;
    private static final int VERSION_1_2 = 10200;
    private static final String WGS84 = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
            + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
            + "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";
    private static final String RTREE = Jdbis.sql(GeoPackage.class, "rtree.sql");
    private static final String[] TABLES = {
        """
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
            organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
            description TEXT)""",
        """
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
            identifier TEXT UNIQUE, description TEXT DEFAULT '',
            last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
            CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
        """
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
            geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
            CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
            CONSTRAINT uk_gc_table_name UNIQUE (table_name),
            CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
            CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
        """
        CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
            definition TEXT NOT NULL, scope TEXT NOT NULL,
            CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""",
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined',"
                + " 'undefined cartesian coordinate reference system')",
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined',"
                + " 'undefined geographic coordinate reference system')",
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, '" + WGS84
                + "', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
    };

    private GeoPackage() {
    }

    static byte[] write(Dataset dataset, String title, List<ExportStore.Row> rows) {
        Path file = null;
        try {
            file = Files.createTempFile("plein-export-", ".gpkg");
            Files.delete(file);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA application_id = " + APPLICATION_ID);
                    st.execute("PRAGMA user_version = " + VERSION_1_2);
                }
                c.setAutoCommit(false);
                fill(c, dataset, title, rows);
                c.commit();
            }
            return Files.readAllBytes(file);
        } catch (SQLException e) {
            // SQLite on a temporary file, not Plein's database: a plain failure, a 500.
            throw new IllegalStateException("writing a GeoPackage failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is the operating system's to clean
                }
            }
        }
    }

    private static void fill(Connection c, Dataset dataset, String title, List<ExportStore.Row> rows)
            throws SQLException {
        String table = dataset.fileName();
        try (Statement st = c.createStatement()) {
            for (String sql : TABLES) {
                st.execute(sql);
            }
            // Field names come from the Dataset enum, never from a request.
            st.execute("CREATE TABLE \"" + table + "\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY"
                    + dataset.fields.stream().map(f -> ", \"" + f.name() + "\" " + sqliteType(f))
                            .collect(Collectors.joining()) + ")");
        }
        double[] extent = extent(rows);
        try (PreparedStatement contents = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type,"
                + " identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, 4326)");
                PreparedStatement columns = c.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES"
                        + " (?, 'geom', 'GEOMETRY', 4326, 0, 0)")) {
            contents.setString(1, table);
            contents.setString(2, title);
            contents.setString(3, "Public data from Plein; see the data dictionary for each field.");
            for (int i = 0; i < 4; i++) {
                if (extent == null) {
                    contents.setNull(4 + i, Types.DOUBLE);
                } else {
                    contents.setDouble(4 + i, extent[i]);
                }
            }
            contents.executeUpdate();
            columns.setString(1, table);
            columns.executeUpdate();
        }
        String insert = "INSERT INTO \"" + table + "\" VALUES (?, ?" + ", ?".repeat(dataset.fields.size()) + ")";
        try (PreparedStatement st = c.prepareStatement(insert)) {
            for (var row : rows) {
                st.setLong(1, row.id());
                st.setBytes(2, row.wkb() == null ? null : geometry(row.wkb(), row.box()));
                var properties = row.properties();
                for (int i = 0; i < dataset.fields.size(); i++) {
                    bind(st, 3 + i, dataset.fields.get(i), properties.get(dataset.fields.get(i).name()));
                }
                st.addBatch();
            }
            st.executeBatch();
        }
        spatialIndex(c, table, rows);
    }

    /**
     * The RTree index of the geometry column, its extension row and triggers, then one entry per
     * row with a geometry, in one batch. SQLite's RTree keeps 32-bit floats, rounding each box
     * outwards, so an entry always covers its geometry.
     */
    private static void spatialIndex(Connection c, String table, List<ExportStore.Row> rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            // sqlite-jdbc runs every statement of the text, as sqlite3_exec does.
            st.executeUpdate(RTREE.replace("%TABLE%", table));
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO \"rtree_" + table + "_geom\" VALUES (?, ?, ?, ?, ?)")) {
            for (var row : rows) {
                double[] box = row.box();
                if (row.wkb() != null && box != null) {
                    st.setLong(1, row.id());
                    for (int i = 0; i < 4; i++) {
                        st.setDouble(2 + i, box[i]);
                    }
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
    }

    private static String sqliteType(Field field) {
        return switch (field.type()) {
            case "integer" -> "INTEGER";
            case "decimal" -> "DOUBLE";
            case "boolean" -> "BOOLEAN";
            // Timestamps stay ISO 8601 text with their offset: GeoPackage DATETIME wants UTC with a Z.
            default -> "TEXT";
        };
    }

    private static void bind(PreparedStatement st, int index, Field field, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            st.setNull(index, Types.NULL);
            return;
        }
        switch (field.type()) {
            case "integer" -> st.setLong(index, value.asLong());
            case "decimal" -> st.setDouble(index, value.asDouble());
            case "boolean" -> st.setInt(index, value.asBoolean() ? 1 : 0);
            default -> st.setString(index, value.asText());
        }
    }

    /** minX, minY, maxX, maxY over every row with a geometry, or null when none has one. */
    private static double[] extent(List<ExportStore.Row> rows) {
        double[] e = null;
        for (var row : rows) {
            double[] b = row.box();
            if (b != null) {
                e = e == null ? new double[] {b[0], b[2], b[1], b[3]}
                        : new double[] {Math.min(e[0], b[0]), Math.min(e[1], b[2]), Math.max(e[2], b[1]),
                                Math.max(e[3], b[3])};
            }
        }
        return e;
    }

    /**
     * GeoPackage binary: magic "GP", version 0, flags (little-endian, envelope [minx, maxx, miny,
     * maxy]), the SRS id, the envelope, then the WKB.
     */
    static byte[] geometry(byte[] wkb, double[] box) {
        var out = ByteBuffer.allocate(8 + 32 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0b0000_0011).putInt(4326);
        out.putDouble(box[0]).putDouble(box[1]).putDouble(box[2]).putDouble(box[3]);
        return out.put(wkb).array();
    }
}
