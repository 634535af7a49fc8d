package io.tributary.aggregator.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tributary.avro.Topics;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console in the browser, served under {@code /console/} by the aggregator's HTTP API: services and
 * instances, the timeline of views with a side-by-side diff, a schema explorer with blame, gateways, rejected events,
 * curation rules, the operations clients send, and a check of a proposed catalog against the live graph and that
 * usage ({@code POST /console/api/check}, as {@code tributary check --json} answers). The page is plain HTML,
 * JavaScript and CSS bundled in the jar (no CDN); it reads JSON under {@code /console/api/} and stays live through
 * the server-sent events of {@code /console/events}, fed by a {@link LogTail} that follows the topics.
 */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ASSETS = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

    /** The largest check request taken: ample for a catalog or an OpenAPI document, small for the aggregator's heap. */
    static final int MAX_CHECK_BYTES = 4 * 1024 * 1024;
    /** How much of a refused request body is read and dropped before the answer goes out; a larger one loses its answer. */
    private static final long DRAINED = 64L * 1024 * 1024;

    private final ConsolePages pages;
    private final Semaphore checks = new Semaphore(1);
    private final EventStream events;
    private final LogTail tail;

    private Console(ConsolePages pages, EventStream events, LogTail tail) {
        this.pages = pages;
        this.events = events;
        this.tail = tail;
    }

    /**
     * Starts following the topics of {@code graph} with these Kafka client properties and serves the console on the
     * server, reading views with {@code views} (the aggregator's of this process, which hands out the views it just wrote
     * instead of decoding them again).
     */
    public static Console start(HttpServer server, Map<String, Object> clientProperties, Topics topics, String graph,
                                Deserializer<SchemaView> views) {
        ConsoleState state = new ConsoleState(graph);
        EventStream events = new EventStream();
        Console console = new Console(new ConsolePages(state), events,
                LogTail.start(clientProperties, topics, state, views, events::publish));
        server.createContext("/console/api/", console::api);
        server.createContext("/console/events", events::serve);
        server.createContext("/console", console::asset);
        return console;
    }

    private void asset(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/console")) {
            exchange.getResponseHeaders().set("Location", "/console/");
            respond(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        String name = path.equals("/console/") ? "index.html" : path.substring("/console/".length());
        String type = ASSETS.get(name);
        if (type == null) {
            respond(exchange, 404, "text/plain; charset=utf-8", ("no " + name + " in the console\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = Console.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the jar");
            }
            respond(exchange, 200, type, in.readAllBytes());
        }
    }

    private void api(HttpExchange exchange) throws IOException {
        String page = exchange.getRequestURI().getPath().substring("/console/api/".length());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Instant now = Instant.now();
        try {
            boolean post = exchange.getRequestMethod().equals("POST");
            if (page.equals("check") != post) {
                throw new ApiError(405, post ? "the console's pages are read with GET" : "POST a check as JSON");
            }
            Object body = switch (page) {
                case "check" -> check(exchange, now);
                case "services" -> pages.services(now);
                case "timeline" -> pages.timeline();
                case "diff" -> pages.diff(version(query, "from"), version(query, "to")).orElseThrow(() -> new ApiError(404,
                        "no view " + query.get("from") + " or " + query.get("to") + " in the history"));
                case "schema" -> pages.schema();
                case "blame" -> pages.blame(Optional.ofNullable(query.get("coordinate")).filter(c -> c.matches("[_A-Za-z][_0-9A-Za-z]*(\\.[_A-Za-z][_0-9A-Za-z]*)?"))
                        .orElseThrow(() -> new ApiError(400, "give coordinate=Type or coordinate=Type.field")));
                case "gateways" -> pages.gateways(now);
                case "rejected" -> pages.rejected();
                case "curation" -> pages.curation();
                case "usage" -> pages.usage(now);
                default -> throw new ApiError(404, "no console API " + page);
            };
            respond(exchange, 200, "application/json", json(body));
        } catch (ApiError e) {
            respond(exchange, e.status(), "application/json", json(Map.of("message", e.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("The console's {} page failed", page, e);
            respond(exchange, 500, "application/json", json(Map.of("message", "the console failed to compute this page: " + e)));
        }
    }

    /** One check at a time: each folds a whole catalog, and the aggregator has its own fold to run. */
    private Map<String, Object> check(HttpExchange exchange, Instant now) throws IOException {
        if (!checks.tryAcquire()) {
            throw new ApiError(429, "another check is running: try again when it is done");
        }
        try {
            return pages.check(CheckRequest.parse(body(exchange, MAX_CHECK_BYTES)), now);
        } finally {
            checks.release();
        }
    }

    /**
     * The request's body, refused with 413 beyond {@code max} bytes. The rest of a refused body is read and dropped,
     * up to {@link #DRAINED} bytes: a server that closes a connection with unread bytes resets it, and the client, still
     * sending, loses the answer that says why.
     */
    private static byte[] body(HttpExchange exchange, int max) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = exchange.getRequestBody()) {
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > max) {
                drain(in);
                throw new ApiError(413, "the request has " + length + " bytes; a check takes at most " + max);
            }
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                drain(in);
                throw new ApiError(413, "the request has more than " + max + " bytes; a check takes at most " + max);
            }
            return body;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] dropped = new byte[64 * 1024];
        long left = DRAINED;
        int read;
        while (left > 0 && (read = in.read(dropped, 0, (int) Math.min(dropped.length, left))) >= 0) {
            left -= read;
        }
    }

    private static long version(Map<String, String> query, String name) {
        String value = query.getOrDefault(name, "");
        if (!value.matches("\\d{1,18}")) {
            throw new ApiError(400, "give " + name + "=VERSION, a view version number");
        }
        return Long.parseLong(value);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops following the topics and ends every open event stream. */
    @Override
    public void close() {
        events.close();
        tail.close();
    }
}
