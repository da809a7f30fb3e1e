package nl.plein.bench;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.plein.db.Sql;

/**
 * A project of published proposals for the benchmarks that need issue 5's size, 100,000 in one
 * project: 400 blobs of varying spread over a 20 × 20 km square of the Dutch national grid, with a
 * fifth of the proposals scattered as noise. Seeded, so every run measures the same data.
 */
final class BlobProposals {
    /** The square, in EPSG:28992 (RD New). */
    static final String SQUARE = "ST_MakeEnvelope(130000, 445000, 150000, 465000, 28992)";

    private BlobProposals() {
    }

    /**
     * Adds the project, its one-area boundary set and its proposals, and analyses the tables as a
     * running server's would be; returns the project's id.
     */
    static long generate(DataSource dataSource, int proposals) {
        long project = Sql.transaction(dataSource, c -> generate(c, proposals));
        Sql.read(dataSource, c -> Sql.update(c, "VACUUM ANALYZE"));
        return project;
    }

    private static long generate(Connection c, int proposals) throws SQLException {
        Sql.one(c, "SELECT setseed(0.3)", rs -> 1);
        long set = Sql.one(c, "INSERT INTO area_sets (name, metric_srid) VALUES ('Bench', 28992) RETURNING id",
                rs -> rs.getLong(1)).orElseThrow();
        Sql.update(c, "INSERT INTO areas (area_set_id, code, name, geom) VALUES (?, 'B', 'Bench',"
                + " ST_Multi(ST_Transform(" + SQUARE + ", 4326)))", set);
        long author = Sql.one(c, "INSERT INTO accounts (email, password_hash, display_name) VALUES"
                + " ('bench@bench.example', 'x', 'Bench') RETURNING id", rs -> rs.getLong(1)).orElseThrow();
        long p = Sql.one(c, "INSERT INTO projects (title, area, categories) VALUES ('Bench',"
                + " ST_Multi(ST_Transform(" + SQUARE + ", 4326)), '{groen,verkeer,spelen}') RETURNING id",
                rs -> rs.getLong(1)).orElseThrow();
        Sql.update(c, "CREATE TEMPORARY TABLE blob ON COMMIT DROP AS SELECT g, 130000 + random() * 20000 AS x,"
                + " 445000 + random() * 20000 AS y, 20 + random() * 150 AS spread FROM generate_series(0, 399) b(g)");
        Sql.update(c, """
                INSERT INTO proposals (project_id, author_id, title, category, geom, status, support_count)
                SELECT ?, ?, (ARRAY['Meer bomen', 'Veilige oversteek', 'Speeltuin', 'Bankjes in de schaduw',
                                    'Fietsenstalling'])[1 + n.g % 5] || ' ' || n.g,
                       (ARRAY['groen', 'verkeer', 'spelen'])[1 + n.g % 3],
                       ST_Transform(ST_SetSRID(CASE WHEN n.g % 5 = 0
                           THEN ST_MakePoint(130000 + random() * 20000, 445000 + random() * 20000)
                           ELSE ST_MakePoint(b.x + b.spread * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()),
                                             b.y + b.spread * sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random()))
                           END, 28992), 4326),
                       'published', floor(random() * 50)::int
                  FROM generate_series(1, ?) n(g) JOIN blob b ON b.g = n.g % 400""", p, author, proposals);
        return p;
    }
}
