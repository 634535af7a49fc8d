package io.tributary.aggregator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tributary.avro.ViewJson;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The aggregator's small HTTP API: {@code /views/current}, {@code /services}, {@code /health} and
 * {@code /prometheus}. Read-only, served from the aggregator's own state.
 */
public final class AggregatorHttpApi implements AutoCloseable {
    private final HttpServer server;

    private AggregatorHttpApi(HttpServer server) {
        this.server = server;
    }

    public static AggregatorHttpApi start(SchemaAggregator aggregator, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/views/current", exchange -> fromView(exchange, aggregator, ViewJson::view));
            server.createContext("/services", exchange -> fromView(exchange, aggregator, ViewJson::services));
            server.createContext("/health", exchange -> {
                KafkaStreams.State state = aggregator.state();
                boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
                respond(exchange, up ? 200 : 503, "application/json",
                        "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"streams\":\"" + state + "\"}\n");
            });
            server.createContext("/prometheus", exchange ->
                    respond(exchange, 200, "text/plain; version=0.0.4", aggregator.metrics().scrape()));
            server.start();
            return new AggregatorHttpApi(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private static void fromView(HttpExchange exchange, SchemaAggregator aggregator, Function<SchemaView, String> render)
            throws IOException {
        Optional<SchemaView> view = aggregator.currentView();
        if (view.isEmpty()) {
            respond(exchange, 404, "application/json", "{\"message\":\"no view yet: no catalog has been folded\"}\n");
            return;
        }
        respond(exchange, 200, "application/json", render.apply(view.get()));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
