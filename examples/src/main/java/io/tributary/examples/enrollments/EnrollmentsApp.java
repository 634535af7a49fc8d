package io.tributary.examples.enrollments;

import io.tributary.avro.Topics;
import io.tributary.examples.ExampleServer;
import io.tributary.examples.ExampleService;
import java.net.URI;
import java.util.Map;

/**
 * Starts the enrollments example service: a real HTTP server that publishes its catalog to Kafka, in its own
 * Micronaut environment so it can share a JVM with the gateway and other examples.
 */
public final class EnrollmentsApp implements ExampleService {
    public static final String ENVIRONMENT = "enrollments";
    private static final String SERVICE_VERSION = "1.0.0";

    private final ExampleServer server;

    private EnrollmentsApp(ExampleServer server) {
        this.server = server;
    }

    /** Starts an instance on {@code port} (0 for any free port) publishing to the broker at {@code bootstrapServers}. */
    public static EnrollmentsApp start(int port, String bootstrapServers, Topics topics) {
        return new EnrollmentsApp(ExampleServer.start(ENVIRONMENT, SERVICE_VERSION, port, bootstrapServers, topics, Map.of()));
    }

    @Override
    public URI uri() {
        return server.uri();
    }

    /** Stops the instance gracefully: its catalog is retracted before the server goes away. */
    @Override
    public void close() {
        server.close();
    }
}
