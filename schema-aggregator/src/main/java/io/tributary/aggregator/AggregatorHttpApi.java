package io.tributary.aggregator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tributary.aggregator.console.Console;
import io.tributary.avro.ViewJson;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The aggregator's small HTTP API: {@code /views/current}, {@code /services}, {@code /health},
 * {@code /prometheus}, and the operator console under {@code /console/}. Read-only: the first four are served from
 * the aggregator's own state, the console from the topics.
 */
public final class AggregatorHttpApi implements AutoCloseable {
    private final HttpServer server;
    private final Console console;

    private AggregatorHttpApi(HttpServer server, Console console) {
        this.server = server;
        this.console = console;
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
            SchemaAggregator.Config config = aggregator.config();
            Map<String, Object> clientProperties = new HashMap<>(config.kafkaProperties());
            clientProperties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            Console console = Console.start(server, clientProperties, config.topics(), config.graph(), aggregator.viewBytes().deserializer());
            server.start();
            return new AggregatorHttpApi(server, console);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    /** Where the operator console answers. */
    public URI consoleUri() {
        return uri().resolve("/console/");
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
        console.close();
        server.stop(0);
    }
}
