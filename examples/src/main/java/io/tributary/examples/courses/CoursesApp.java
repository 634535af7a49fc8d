package io.tributary.examples.courses;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.avro.Topics;
import java.net.URI;
import java.util.Map;

/**
 * Starts the courses example service: a real HTTP server that publishes its catalog to Kafka. Its beans live in
 * their own Micronaut environment, so it can share a JVM with the gateway and other examples.
 */
public final class CoursesApp implements AutoCloseable {
    public static final String ENVIRONMENT = "courses";

    private final ApplicationContext context;

    private CoursesApp(ApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance on {@code port} (0 for any free port) publishing to the broker at {@code bootstrapServers}. */
    public static CoursesApp start(Variant variant, int port, String bootstrapServers, Topics topics) {
        ApplicationContext context = ApplicationContext.builder()
                .environments(ENVIRONMENT)
                .deduceEnvironment(false)
                .properties(Map.of(
                        "micronaut.server.port", port,
                        "micronaut.application.name", "courses",
                        "courses.variant", variant.name(),
                        "tributary.publisher.bootstrap-servers", bootstrapServers,
                        "tributary.publisher.topic-prefix", topics.prefix(),
                        "tributary.publisher.service-name", "courses",
                        "tributary.publisher.service-version", variant.serviceVersion()))
                .start();
        context.getBean(EmbeddedServer.class).start();
        return new CoursesApp(context);
    }

    public URI uri() {
        return context.getBean(EmbeddedServer.class).getURI();
    }

    /** Stops the instance gracefully: its catalog is retracted before the server goes away. */
    @Override
    public void close() {
        context.close();
    }
}
