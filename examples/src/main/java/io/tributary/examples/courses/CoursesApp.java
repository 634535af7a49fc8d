package io.tributary.examples.courses;

import io.tributary.avro.Topics;
import io.tributary.examples.ExampleServer;
import io.tributary.examples.ExampleService;
import java.net.URI;
import java.util.Map;

/**
 * Starts the courses example service: a real HTTP server that publishes its catalog to Kafka. Its beans live in
 * their own Micronaut environment, so it can share a JVM with the gateway and other examples.
 */
public final class CoursesApp implements ExampleService {
    public static final String ENVIRONMENT = "courses";
    /** Which deploy runs: {@code V1} or {@code V2}, a {@link Variant} name. */
    public static final String VARIANT_PROPERTY = "courses.variant";

    private final ExampleServer server;

    private CoursesApp(ExampleServer server) {
        this.server = server;
    }

    /** Starts an instance on {@code port} (0 for any free port) publishing to the broker at {@code bootstrapServers}. */
    public static CoursesApp start(Variant variant, int port, String bootstrapServers, Topics topics) {
        return new CoursesApp(ExampleServer.start(ENVIRONMENT, variant.serviceVersion(), port, bootstrapServers, topics,
                Map.of(VARIANT_PROPERTY, variant.name())));
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
