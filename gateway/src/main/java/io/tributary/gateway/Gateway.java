package io.tributary.gateway;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.avro.Topics;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.GraphHolder;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A running gateway: its HTTP server and the graph it serves. Its beans live in their own Micronaut environment,
 * so it can share a JVM with example services in {@code tributary dev}.
 */
public final class Gateway implements AutoCloseable {
    public static final String ENVIRONMENT = "gateway";

    private final ApplicationContext context;

    private Gateway(ApplicationContext context) {
        this.context = context;
    }

    /** Starts a gateway on {@code port} (0 for any free port) serving the default graph from that broker. */
    public static Gateway start(int port, String bootstrapServers, Topics topics) {
        ApplicationContext context = ApplicationContext.builder()
                .environments(ENVIRONMENT)
                .deduceEnvironment(false)
                .properties(Map.of(
                        "micronaut.server.port", port,
                        "micronaut.application.name", "tributary-gateway",
                        "tributary.gateway.bootstrap-servers", bootstrapServers,
                        "tributary.gateway.topic-prefix", topics.prefix()))
                .start();
        context.getBean(EmbeddedServer.class).start();
        return new Gateway(context);
    }

    public URI uri() {
        return context.getBean(EmbeddedServer.class).getURI();
    }

    /** The graph served right now, if a view has been applied. */
    public Optional<ExecutableGraph> current() {
        return context.getBean(GraphHolder.class).current();
    }

    @Override
    public void close() {
        context.close();
    }
}
