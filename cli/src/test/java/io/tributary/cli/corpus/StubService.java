package io.tributary.cli.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A real HTTP service generated from an OpenAPI document: each request is matched to the document's operation (by
 * method and path template, literal segments first) and answered with its success response's {@link Samples sample};
 * unknown requests get a 404, a body of a content type the operation does not declare a 415. A test may answer an
 * operation with a body of its own. Records which operation each request reached.
 */
final class StubService implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request and the operation of the document it matched ({@code GET /pets/{id}}), or empty. */
    record Hit(String method, String uri, Optional<String> operation) {
    }

    private record Route(String method, String template, Pattern pattern, int literals, Operation operation) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Route> routes = new ArrayList<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, Object> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Samples samples;
    private final OpenAPI document;

    StubService(OpenAPI document) {
        this.document = document;
        this.samples = new Samples(document);
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                routes.add(route(method.name(), path, operation))));
        routes.sort(Comparator.comparingInt(Route::literals).reversed());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    private static Route route(String method, String path, Operation operation) {
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            regex.append('/');
            java.util.regex.Matcher variable = Pattern.compile("\\{[^}]*}").matcher(segment);
            int at = 0;
            while (variable.find()) {
                regex.append(Pattern.quote(segment.substring(at, variable.start()))).append("[^/]+");
                at = variable.end();
            }
            if (at == 0) {
                literals++;
            }
            regex.append(Pattern.quote(segment.substring(at)));
        }
        return new Route(method, path, Pattern.compile(regex.isEmpty() ? "/?" : regex.toString()), literals, operation);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            Optional<Route> route = routes.stream().filter(r -> r.method().equals(exchange.getRequestMethod())
                    && r.pattern().matcher(path).matches()).findFirst();
            hits.add(new Hit(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    route.map(r -> r.method() + " " + r.template())));
            if (route.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!takes(route.get().operation(), exchange.getRequestHeaders().getFirst("Content-Type"))) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            Optional<Object> body = Optional.ofNullable(answers.get(route.get().method() + " " + route.get().template()))
                    .or(() -> answer(route.get().operation()));
            if (body.isEmpty()) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            byte[] bytes = JSON.writeValueAsBytes(body.get());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Whether a request body of this content type is one the operation declares (no body is always taken). */
    private static boolean takes(Operation operation, String contentType) {
        if (contentType == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return true;
        }
        String type = contentType.split(";")[0].strip();
        return operation.getRequestBody().getContent().keySet().stream()
                .anyMatch(declared -> declared.equals(type) || declared.equals("*/*") || declared.endsWith("+json") && type.equals("application/json"));
    }

    /** The sample of the first success response with a JSON body. */
    private Optional<Object> answer(Operation operation) {
        if (operation.getResponses() == null) {
            return Optional.empty();
        }
        return operation.getResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2"))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .map(this::resolve)
                .map(ApiResponse::getContent)
                .filter(c -> c != null && !c.isEmpty())
                .findFirst()
                .flatMap(StubService::json)
                .map(media -> media.getSchema() == null ? Map.of() : samples.of(media.getSchema()));
    }

    private ApiResponse resolve(ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response : document.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static Optional<MediaType> json(Content content) {
        return content.entrySet().stream().filter(e -> e.getKey().contains("json") || e.getKey().equals("*/*"))
                .map(Map.Entry::getValue).findFirst();
    }

    /**
     * Answers an operation ({@code GET /crm/leads}) with this body instead of its sample: what a real service says
     * beyond its document, such as a property its schema leaves out.
     */
    void answer(String operation, Object body) {
        answers.put(operation, body);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    void clear() {
        hits.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
