package nl.plein.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A real HTTP client with its own cookie jar, as a browser would be, that repeats the CSRF token. */
public final class Client {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private String csrf;

    public Client(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Response is not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public Response expect(int expected) {
            assertEquals(expected, status, () -> "HTTP status; body: " + body);
            return this;
        }
    }

    public void signIn(String email, String password) {
        var response = post("/api/session", Map.of("email", email, "password", password)).expect(200);
        csrf = response.json().get("csrfToken").asText();
    }

    public String csrfToken() {
        return csrf;
    }

    public void useCsrfToken(String token) {
        csrf = token;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String path, Object body) {
        return send(json(path, body).POST(publisher(body)));
    }

    public Response put(String path, Object body) {
        return send(json(path, body).PUT(publisher(body)));
    }

    public Response patch(String path, Object body) {
        return send(json(path, body).method("PATCH", publisher(body)));
    }

    public Response delete(String path) {
        return send(withCsrf(HttpRequest.newBuilder(uri(path))).DELETE());
    }

    /** Sends exactly these bytes with this content type: for malformed and hostile input. */
    public Response raw(String method, String path, String contentType, byte[] body) {
        var builder = withCsrf(HttpRequest.newBuilder(uri(path)))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    /** A GET whose answer is kept as bytes (images), with extra request headers as name, value pairs. */
    public HttpResponse<byte[]> bytes(String path, String... headers) {
        var builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            var response = http.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpRequest.Builder json(String path, Object body) {
        return withCsrf(HttpRequest.newBuilder(uri(path))).header("Content-Type", "application/json");
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder builder) {
        if (csrf != null) {
            builder.header("X-CSRF-Token", csrf);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
