package nl.plein.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.DriverManager;
import nl.plein.db.Database;
import nl.plein.db.EmbeddedPostgis;
import nl.plein.support.TestPostgis;

/** A throw-away embedded cluster for a benchmark, emptied at every start, with Plein's schema. */
final class BenchDatabase {
    interface Work {
        void run(HikariDataSource dataSource) throws Exception;
    }

    private BenchDatabase() {
    }

    static void run(int poolSize, Work work) throws Exception {
        Path dir = Path.of("server", "target", "bench-postgres");
        TestPostgis.deleteRecursively(dir);
        try (var postgres = EmbeddedPostgis.start(dir)) {
            try (var c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), EmbeddedPostgis.USER,
                    postgres.password()); var st = c.createStatement()) {
                st.execute("CREATE DATABASE bench");
            }
            var target = new Database.Target(postgres.jdbcUrl("bench"), EmbeddedPostgis.USER, postgres.password());
            try (HikariDataSource dataSource = Database.pool(target, poolSize)) {
                Database.prepare(dataSource);
                work.run(dataSource);
            }
        }
    }
}
