package io.tributary.examples;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.avro.Topics;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * One running example service: a Micronaut context in the service's own environment (so several services share a
 * JVM in {@code tributary dev}, each seeing only its own beans), a real HTTP server, and the catalog publisher.
 */
public final class ExampleServer implements AutoCloseable {
    private final ApplicationContext context;

    private ExampleServer(ApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the service named {@code service}, whose beans require the Micronaut environment of the same name, on
     * {@code port} (0 for any free port), publishing its catalog to the broker at {@code bootstrapServers}.
     */
    public static ExampleServer start(String service, String serviceVersion, int port, String bootstrapServers,
            Topics topics, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", port);
        all.put("micronaut.application.name", service);
        all.put("tributary.publisher.bootstrap-servers", bootstrapServers);
        all.put("tributary.publisher.topic-prefix", topics.prefix());
        all.put("tributary.publisher.service-name", service);
        all.put("tributary.publisher.service-version", serviceVersion);
        all.put("endpoints.health.details-visible", "ANONYMOUS");
        // The examples are services, not the platform: no metrics endpoint of their own when the gateway's jars are near.
        all.put("micronaut.metrics.enabled", false);
        ApplicationContext context = ApplicationContext.builder()
                .environments(service)
                .deduceEnvironment(false)
                .properties(all)
                .start();
        try {
            context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return new ExampleServer(context);
    }

    public URI uri() {
        return context.getBean(EmbeddedServer.class).getURI();
    }

    /** Stops the service gracefully: its catalog is retracted before the server goes away. */
    @Override
    public void close() {
        context.close();
    }
}
