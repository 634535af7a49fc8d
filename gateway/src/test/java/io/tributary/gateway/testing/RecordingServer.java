package io.tributary.gateway.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The gateway tests' one stand-in for a REST service: a real HTTP server that answers with a handler, records every
 * request it gets (for call counts, URLs, headers and bodies), and can be told to fail with a status or to hold every
 * answer until released.
 */
public final class RecordingServer implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the service saw it. */
    public record Recorded(String method, String uri, Map<String, String> headers, String body) {
        /** The decoded value of a query parameter, if the request had it. */
        public Optional<String> query(String name) {
            int question = uri.indexOf('?');
            if (question < 0) {
                return Optional.empty();
            }
            for (String pair : uri.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                    return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        }

        public String path() {
            int question = uri.indexOf('?');
            return question < 0 ? uri : uri.substring(0, question);
        }
    }

    /** An answer: a status and a JSON body (null for none). */
    public record Reply(int status, Object body) {
        public static Reply ok(Object body) {
            return new Reply(200, body);
        }

        public static Reply notFound() {
            return new Reply(404, Map.of("message", "no such element"));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile int failWith;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    public RecordingServer(Function<Recorded, Reply> handler) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> handle(exchange, handler));
        server.start();
    }

    private void handle(HttpExchange exchange, Function<Recorded, Reply> handler) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
            requests.add(request);
            awaitRelease();
            Reply reply;
            try {
                reply = failWith != 0 ? new Reply(failWith, Map.of("message", "failing on purpose")) : handler.apply(request);
            } catch (RuntimeException e) {
                reply = new Reply(500, Map.of("message", "fixture failed: " + e));
            }
            byte[] bytes = reply.body() == null ? new byte[0] : JSON.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private void awaitRelease() {
        try {
            hold.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The URIs (path and query) of every request so far, in arrival order. */
    public List<String> uris() {
        return requests.stream().map(Recorded::uri).toList();
    }

    public void clear() {
        requests.clear();
    }

    public void failWith(int status) {
        this.failWith = status;
    }

    /** Holds every answer from now on until {@link #release()}, as a service that stopped answering would. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }

}
