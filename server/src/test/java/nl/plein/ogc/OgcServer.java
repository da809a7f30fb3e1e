package nl.plein.ogc;

import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** What every OGC test class reads from: Plein on a fresh database holding {@link OgcData}, one per class. */
abstract class OgcServer {
    static TestServer server;
    static OgcData data;
    static Client anyone;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        data = new OgcData(server);
        anyone = server.anonymous();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String proposals() {
        return "/ogc/collections/proposals-" + data.projectId;
    }
}
