package nl.plein.bench;

import javax.sql.DataSource;
import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Handle;

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
        var jdbi = Jdbis.create(dataSource);
        long project = jdbi.inTransaction(h -> generate(h, proposals));
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE"));
        return project;
    }

    private static long generate(Handle h, int proposals) {
        h.createQuery("SELECT setseed(0.3)").map((rs, ctx) -> 1).one();
        long set = h.createQuery("INSERT INTO area_sets (name, metric_srid) VALUES ('Bench', 28992) RETURNING id")
                .mapTo(Long.class).one();
        h.createUpdate("INSERT INTO areas (area_set_id, code, name, geom) VALUES (:set, 'B', 'Bench',"
                + " ST_Multi(ST_Transform(" + SQUARE + ", 4326)))").bind("set", set).execute();
        long author = h.createQuery("INSERT INTO accounts (email, password_hash, display_name) VALUES"
                + " ('bench@bench.example', 'x', 'Bench') RETURNING id").mapTo(Long.class).one();
        long p = h.createQuery("INSERT INTO projects (title, area, categories) VALUES ('Bench',"
                + " ST_Multi(ST_Transform(" + SQUARE + ", 4326)), '{groen,verkeer,spelen}') RETURNING id")
                .mapTo(Long.class).one();
        h.execute("CREATE TEMPORARY TABLE blob ON COMMIT DROP AS SELECT g, 130000 + random() * 20000 AS x,"
                + " 445000 + random() * 20000 AS y, 20 + random() * 150 AS spread FROM generate_series(0, 399) b(g)");
        h.createUpdate("""
                INSERT INTO proposals (project_id, author_id, title, category, geom, status, support_count)
                SELECT :project, :author, (ARRAY['Meer bomen', 'Veilige oversteek', 'Speeltuin', 'Bankjes in de schaduw',
                                    'Fietsenstalling'])[1 + n.g % 5] || ' ' || n.g,
                       (ARRAY['groen', 'verkeer', 'spelen'])[1 + n.g % 3],
                       ST_Transform(ST_SetSRID(CASE WHEN n.g % 5 = 0
                           THEN ST_MakePoint(130000 + random() * 20000, 445000 + random() * 20000)
                           ELSE ST_MakePoint(b.x + b.spread * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()),
                                             b.y + b.spread * sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random()))
                           END, 28992), 4326),
                       'published', floor(random() * 50)::int
                  FROM generate_series(1, :proposals) n(g) JOIN blob b ON b.g = n.g % 400""")
                .bind("project", p).bind("author", author).bind("proposals", proposals).execute();
        return p;
    }
}
