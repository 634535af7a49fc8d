package io.tributary.examples.partners;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts the partners example: a plain JDK HTTP server with no Tributary code inside, described by an OpenAPI
 * document it serves at {@code /openapi.yaml}. It joins the graph through the sidecar, {@code tributary publish},
 * like a service written in any language would.
 */
public final class PartnersApp implements AutoCloseable {
    /** The classpath resource of the OpenAPI document. */
    public static final String OPENAPI_RESOURCE = "/io/tributary/examples/partners/openapi.yaml";

    private final HttpServer server;
    private final ExecutorService executor;

    private PartnersApp(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on {@code port} (0 for any free port), on every interface. */
    public static PartnersApp start(int port) {
        byte[] openApi = openApiDocument();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            server.createContext("/partners", new PartnersHandler(new PartnerDirectory()));
            server.createContext("/openapi.yaml", exchange -> serve(exchange, openApi));
            server.setExecutor(executor);
            server.start();
            return new PartnersApp(server, executor);
        } catch (IOException e) {
            executor.close();
            throw new UncheckedIOException("cannot start the partners service on port " + port, e);
        }
    }

    /** Where it serves: {@code http://localhost:PORT}. */
    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Where it serves its OpenAPI document, for the sidecar. */
    public URI openApiUri() {
        return uri().resolve("/openapi.yaml");
    }

    /** The OpenAPI document, as the service serves it. */
    public static byte[] openApiDocument() {
        try (InputStream in = PartnersApp.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }

    private static void serve(HttpExchange exchange, byte[] document) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/yaml");
            exchange.sendResponseHeaders(200, document.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(document);
            }
        }
    }

    /** Stops at once; requests in flight get a second to finish. */
    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }
}
