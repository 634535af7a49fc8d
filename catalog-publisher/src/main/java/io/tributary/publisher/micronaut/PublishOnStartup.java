package io.tributary.publisher.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.tributary.avro.Topics;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.publisher.CatalogPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the service's catalog once its HTTP server listens, with the server's real URL, and retracts it when
 * the application shuts down gracefully.
 */
@Singleton
@Requires(property = "tributary.publisher.bootstrap-servers")
@Requires(beans = CatalogResources.class)
public class PublishOnStartup {
    private static final Logger LOG = LoggerFactory.getLogger(PublishOnStartup.class);

    private final PublisherProperties properties;
    private final CatalogResources resources;
    private CatalogPublisher publisher;
    private ServiceCatalog published;

    public PublishOnStartup(PublisherProperties properties, CatalogResources resources) {
        this.properties = properties;
        this.resources = resources;
    }

    @EventListener
    public synchronized void onStartup(ServerStartupEvent event) {
        EmbeddedServer server = event.getSource();
        String baseUrl = properties.getBaseUrl().orElseGet(() -> server.getURL().toString());
        ServiceCatalog catalog = new ServiceCatalog(properties.getServiceName(), properties.getInstanceId(),
                properties.getServiceVersion(), Instant.now(), baseUrl, properties.getLeaseMillis(), resources.resources());
        publisher = new CatalogPublisher(properties.getBootstrapServers(), new Topics(properties.getTopicPrefix()),
                Map.copyOf(properties.getKafka()));
        publisher.publish(catalog);
        published = catalog;
        LOG.info("Published catalog of {} {} ({} resources) at {}", catalog.instanceKey(), catalog.serviceVersion(),
                catalog.resources().size(), baseUrl);
    }

    /** The catalog this instance published, or null before the server started. */
    public synchronized ServiceCatalog published() {
        return published;
    }

    @PreDestroy
    public synchronized void retract() {
        if (publisher == null) {
            return;
        }
        try {
            publisher.retract(published.service(), published.instanceId());
            LOG.info("Retracted catalog of {}", published.instanceKey());
        } finally {
            publisher.close();
            publisher = null;
        }
    }
}
