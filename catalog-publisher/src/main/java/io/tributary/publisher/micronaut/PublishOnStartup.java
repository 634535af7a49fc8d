package io.tributary.publisher.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.tributary.avro.Topics;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.publisher.InstancePublication;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * Publishes the service's catalog once its HTTP server listens, with the server's real URL (or the configured one,
 * behind a proxy), keeps its lease alive, and retracts it when the application shuts down gracefully: first thing on
 * shutdown, while the server still answers, which it goes on doing for the drain period, so the gateways swap this
 * instance out before its port closes and no in-flight call fails.
 */
@Singleton
@Requires(property = "tributary.publisher.bootstrap-servers")
@Requires(beans = CatalogResources.class)
public class PublishOnStartup {
    private final PublisherProperties properties;
    private final CatalogResources resources;
    private InstancePublication publication;

    public PublishOnStartup(PublisherProperties properties, CatalogResources resources) {
        this.properties = properties;
        this.resources = resources;
    }

    @EventListener
    public synchronized void onStartup(ServerStartupEvent event) {
        EmbeddedServer server = event.getSource();
        String baseUrl = properties.getBaseUrl().orElseGet(() -> server.getURL().toString());
        ServiceCatalog catalog = new ServiceCatalog(properties.getServiceName(), properties.getInstanceId(),
                properties.getServiceVersion(), Instant.now(), baseUrl, properties.getLease().toMillis(), resources.resources());
        publication = InstancePublication.start(catalog, InstancePublication.Settings
                .of(properties.getBootstrapServers(), new Topics(properties.getTopicPrefix()))
                .withKafkaProperties(properties.getKafka())
                .withHeartbeatInterval(properties.getHeartbeatInterval())
                .withFailFast(properties.isFailFast())
                .withCreateTopics(properties.isCreateTopics()));
    }

    /** The publication of this instance, once the server has started. */
    public synchronized Optional<InstancePublication> publication() {
        return Optional.ofNullable(publication);
    }

    /** Shutdown begins: retract while the HTTP server still answers, then give the gateways the drain period to swap. */
    @EventListener
    public void onShutdown(ShutdownEvent event) {
        if (retract() && !properties.getDrain().isZero()) {
            try {
                Thread.sleep(properties.getDrain());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Retracts the catalog if it was published; whether there was anything to retract. */
    @PreDestroy
    public synchronized boolean retract() {
        if (publication == null) {
            return false;
        }
        publication.close();
        publication = null;
        return true;
    }
}
