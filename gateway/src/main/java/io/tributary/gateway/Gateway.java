package io.tributary.gateway;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.avro.Topics;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.GraphHolder;
import java.net.URI;
import java.util.HashMap;
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
        return start(port, bootstrapServers, topics, Map.of());
    }

    /** Starts a gateway with further configuration, any {@code tributary.gateway.*} or Micronaut property. */
    public static Gateway start(int port, String bootstrapServers, Topics topics, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", port);
        all.put("micronaut.application.name", "tributary-gateway");
        all.put("tributary.gateway.bootstrap-servers", bootstrapServers);
        all.put("tributary.gateway.topic-prefix", topics.prefix());
        ApplicationContext context = ApplicationContext.builder()
                .environments(ENVIRONMENT)
                .deduceEnvironment(false)
                .properties(all)
                .start();
        try {
            context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
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
