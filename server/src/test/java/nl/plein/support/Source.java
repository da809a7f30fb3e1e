package nl.plein.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Another machine on the network, as the server sees it: requests sent over a real socket bound to
 * another loopback address (127.0.0.2, 127.0.0.3, …), so the server reads that as the client's
 * address. Java 17's HttpClient cannot choose its local address, hence this small HTTP/1.1 writer.
 * It carries no cookies: it is for requests that need none (signing up, signing in).
 */
public final class Source {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final InetAddress local;

    private Source(String baseUrl, InetAddress local) {
        this.base = URI.create(baseUrl);
        this.local = local;
    }

    /** A source at 127.0.0.{lastByte}; 1 is where the other test clients are. */
    public static Source at(String baseUrl, int lastByte) {
        try {
            return new Source(baseUrl, InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastByte}));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Client.Response post(String path, Object body) {
        try (Socket socket = new Socket(InetAddress.getByName(base.getHost()), base.getPort(), local, 0)) {
            socket.setSoTimeout(60_000);
            byte[] content = JSON.writeValueAsBytes(body);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + content.length + "\r\nConnection: close\r\n\r\n";
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError("HTTP request from " + local + " failed: " + e.getMessage(), e);
        }
    }

    private static Client.Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        boolean chunked = headers.getOrDefault("Transfer-Encoding", List.of()).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"));
        if (chunked) {
            body = unchunk(body);
        }
        return new Client.Response(status, new String(body, StandardCharsets.UTF_8),
                HttpHeaders.of(headers, (name, value) -> true));
    }

    private static byte[] unchunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII)
                    .split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("a chunk size line has no end");
    }
}
