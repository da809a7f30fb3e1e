package nl.plein.areas;

import java.sql.SQLException;
import java.util.List;
import nl.plein.config.Config;
import nl.plein.db.Database;
import nl.plein.db.DatabaseUnavailable;
import nl.plein.db.EmbeddedPostgis;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.boundaries.ImportBoundaries;
import nl.plein.gisdata.boundaries.ImportException;
import nl.plein.gisdata.boundaries.ImportOptions;
import nl.plein.gisdata.boundaries.ImportReport;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * `plein import-boundaries FILE [options]`: imports a boundary file into the database Plein uses
 * (DATABASE_URL, or the embedded cluster under PLEIN_DATA_DIR). The reading and mapping live in
 * gis-data; this class only reaches the database, which needs the server's embedded PostGIS.
 */
public final class ImportCommand {
    private ImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(ImportOptions.USAGE);
            return args.length == 0 ? 2 : 0;
        }
        ImportOptions options;
        Config config;
        try {
            options = ImportOptions.parse(args);
            config = Config.fromEnvironment(System.getenv());
        } catch (ImportException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        EmbeddedPostgis embedded = null;
        try {
            Database.Target target;
            if (config.databaseUrl().isPresent()) {
                target = Database.Target.parse(config.databaseUrl().get());
            } else {
                embedded = EmbeddedPostgis.start(config.dataDir());
                nl.plein.Main.ensureDatabase(embedded);
                target = new Database.Target(embedded.jdbcUrl(EmbeddedPostgis.DATABASE), EmbeddedPostgis.USER,
                        embedded.password());
            }
            try (var dataSource = Database.pool(target, 2)) {
                Database.prepare(dataSource);
                Jdbi jdbi = Jdbis.create(dataSource);
                // The importer runs its own transaction on the handle: a dry run is rolled back.
                ImportReport report = jdbi.withHandle(h -> ImportBoundaries.run(h, options,
                        line -> System.err.println("  … " + line)));
                System.out.print(report.describe());
                if (report.committed()) {
                    System.out.println("  assigned:    " + AreaAssignment.describe(
                            jdbi.inTransaction(h -> AreaAssignment.assignAll(h, report.setId()))));
                }
            }
            System.out.printf("Took %.1f s%n", (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (ImportException e) {
            System.err.println("import-boundaries: " + e.getMessage());
            return 1;
        } catch (DatabaseUnavailable e) {
            System.err.println("import-boundaries: the database refused the import: " + e.getMessage());
            return 1;
        } catch (JdbiException e) {
            // The driver's own words, as when this ran on plain JDBC, not Jdbi's statement dump.
            String reason = e.getCause() instanceof SQLException cause ? cause.getMessage() : e.getMessage();
            System.err.println("import-boundaries: the database refused the import: " + reason);
            return 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
