package io.tributary.gateway.rest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server answering like the courses service, recording every request it gets. */
public final class CoursesRestFixture implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int failWith;

    public CoursesRestFixture() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/courses", exchange -> {
            String uri = exchange.getRequestURI().toString();
            requests.add(uri);
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            int status = 200;
            String body;
            if (failWith != 0) {
                status = failWith;
                body = "{\"message\":\"boom\"}";
            } else if (path.equals("/courses/c-1")) {
                body = course("c-1", "Machine Learning");
            } else if (path.equals("/courses") && query != null && query.startsWith("ids=")) {
                body = "{\"elements\":[" + course("c-2", "Algorithms") + "," + course("c-1", "Machine Learning") + "]}";
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

    private static String course(String id, String title) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"subtitle\":null,\"rating\":4.5,\"durationMinutes\":90}";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> requests() {
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
