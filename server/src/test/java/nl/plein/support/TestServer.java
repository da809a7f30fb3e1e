package nl.plein.support;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.util.HashMap;
import java.util.Map;
import nl.plein.db.Jdbis;
import nl.plein.App;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Passwords;
import nl.plein.accounts.Role;
import nl.plein.config.Config;

/** Plein's real app on a random port over a fresh PostGIS database: what every HTTP test talks to. */
public final class TestServer implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";

    public final HikariDataSource dataSource;
    public final Javalin app;
    public final Config config;
    public final String baseUrl;

    private TestServer(HikariDataSource dataSource, Config config) {
        this.dataSource = dataSource;
        this.config = config;
        this.app = App.create(config, dataSource).start("127.0.0.1", 0);
        this.baseUrl = "http://127.0.0.1:" + app.port();
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** Starts with demo content off and the given settings over the defaults. */
    public static TestServer start(Map<String, String> settings) {
        var env = new HashMap<String, String>();
        env.put("PLEIN_DEMO_CONTENT", "false");
        // The tile cache and anything else the server keeps on disk stay inside target/.
        env.put("PLEIN_DATA_DIR", "target/test-data");
        env.putAll(settings);
        return new TestServer(TestPostgis.freshDatabase(), Config.fromEnvironment(env));
    }

    /** Creates an account with the given role directly in the store, and returns a signed-in client. */
    public Client signedIn(String email, Role role) {
        new AccountStore(Jdbis.create(dataSource)).create(email, Passwords.hash(PASSWORD), email.split("@")[0],
                java.util.Optional.empty(), role);
        Client client = new Client(baseUrl);
        client.signIn(email, PASSWORD);
        return client;
    }

    public Client anonymous() {
        return new Client(baseUrl);
    }

    /** The id of the project with this title, as anyone lists it; fails when there is none. */
    public long projectId(String title) {
        for (var project : anonymous().get("/api/projects").json().get("features")) {
            if (project.get("properties").get("title").asText().equals(title)) {
                return project.get("id").asLong();
            }
        }
        throw new AssertionError("no project titled " + title);
    }

    @Override
    public void close() {
        app.stop();
        dataSource.close();
    }
}
