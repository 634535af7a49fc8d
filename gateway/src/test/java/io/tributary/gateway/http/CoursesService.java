package io.tributary.gateway.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server answering like the courses service (GET by id, MULTI_GET), recording each request it gets. */
public final class CoursesService implements AutoCloseable {
    /** A request as the service saw it. */
    public record Request(String uri, Headers headers) {
    }

    private static final Map<String, String> COURSES = Map.of(
            "c-1", "{\"id\":\"c-1\",\"title\":\"Machine Learning\",\"subtitle\":null,\"rating\":4.5,\"durationMinutes\":90}",
            "c-2", "{\"id\":\"c-2\",\"title\":\"Algorithms\",\"subtitle\":\"Design and analysis\",\"rating\":4.8,\"durationMinutes\":60}");

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int failWith;

    public CoursesService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/courses", exchange -> {
            requests.add(new Request(exchange.getRequestURI().toString(), exchange.getRequestHeaders()));
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            int status = 200;
            String body;
            if (failWith != 0) {
                status = failWith;
                body = "{\"message\":\"boom\"}";
            } else if (query != null && query.startsWith("ids=")) {
                List<String> ids = List.of(URLDecoder.decode(query.substring("ids=".length()), StandardCharsets.UTF_8).split(","));
                body = "{\"elements\":[" + String.join(",", ids.stream().filter(COURSES::containsKey).map(COURSES::get).toList()) + "]}";
            } else if (COURSES.containsKey(path.substring(path.lastIndexOf('/') + 1))) {
                body = COURSES.get(path.substring(path.lastIndexOf('/') + 1));
            } else {
                status = 404;
                body = "{}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return requests;
    }

    public void failWith(int status) {
        this.failWith = status;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
