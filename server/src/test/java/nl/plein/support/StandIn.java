package nl.plein.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for a third-party service (tile provider, address search): answers every
 * request with what the test chose and remembers what was asked, so tests run offline.
 */
public final class StandIn implements AutoCloseable {
    /** What the stand-in answers. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer;

    public StandIn(Answer answer) {
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start a stand-in server", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestURI().toString() + " UA=" + exchange.getRequestHeaders().getFirst("User-Agent"));
        Answer now = answer;
        exchange.getResponseHeaders().set("Content-Type", now.contentType());
        exchange.sendResponseHeaders(now.status(), now.body().length == 0 ? -1 : now.body().length);
        try (var out = exchange.getResponseBody()) {
            out.write(now.body());
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request URIs seen so far, each followed by the User-Agent it came with. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void answer(Answer next) {
        answer = next;
    }

    /** A loopback URL on which nothing listens: connections are refused at once. */
    public static String unreachableBaseUrl() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
