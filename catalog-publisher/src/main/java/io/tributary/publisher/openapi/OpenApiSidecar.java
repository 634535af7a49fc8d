package io.tributary.publisher.openapi;

import io.tributary.avro.Topics;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.publisher.InstancePublication;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Publishes a service that does not embed the publisher, in any language: reads its OpenAPI document, maps it to a
 * catalog, publishes it, keeps the lease alive, and retracts it on close. What {@code tributary publish} runs, and
 * what {@code tributary dev} can run in-process next to an example service.
 */
public final class OpenApiSidecar implements AutoCloseable {

    /**
     * What to publish and where. {@link #of} gives the defaults: topics under the {@code tributary} prefix, the
     * document's {@code info.version} as the service version, a random instance id, a 30 s lease renewed every 10 s.
     */
    public record Settings(String document, String service, String baseUrl, String bootstrapServers, Topics topics,
                           String serviceVersion, String instanceId, Duration lease, Duration heartbeatInterval,
                           Map<String, Object> kafkaProperties, List<String> forwardedHeaders) {
        public Settings {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(topics, "topics");
            Objects.requireNonNull(instanceId, "instanceId");
            requireHttpUrl(baseUrl);
            if (lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("the lease must be positive, was " + lease);
            }
            if (heartbeatInterval.compareTo(lease) >= 0) {
                throw new IllegalArgumentException("the heartbeat interval (" + heartbeatInterval + ") must be shorter than the lease ("
                        + lease + "), or the lease runs out between heartbeats");
            }
            kafkaProperties = Map.copyOf(kafkaProperties);
            forwardedHeaders = List.copyOf(forwardedHeaders);
        }

        public static Settings of(String document, String service, String baseUrl, String bootstrapServers) {
            return new Settings(document, service, baseUrl, bootstrapServers, Topics.withDefaultPrefix(), null,
                    UUID.randomUUID().toString(), Duration.ofSeconds(30), Duration.ofSeconds(10), Map.of(), List.of());
        }

        public Settings withTopics(Topics topics) {
            return new Settings(document, service, baseUrl, bootstrapServers, topics, serviceVersion, instanceId, lease, heartbeatInterval, kafkaProperties, forwardedHeaders);
        }

        /** The deploy's version string; null publishes the document's {@code info.version}. */
        public Settings withServiceVersion(String serviceVersion) {
            return new Settings(document, service, baseUrl, bootstrapServers, topics, serviceVersion, instanceId, lease, heartbeatInterval, kafkaProperties, forwardedHeaders);
        }

        public Settings withInstanceId(String instanceId) {
            return new Settings(document, service, baseUrl, bootstrapServers, topics, serviceVersion, instanceId, lease, heartbeatInterval, kafkaProperties, forwardedHeaders);
        }

        /** The lease and how often to renew it, together: the interval must stay shorter than the lease. */
        public Settings withLease(Duration lease, Duration heartbeatInterval) {
            return new Settings(document, service, baseUrl, bootstrapServers, topics, serviceVersion, instanceId, lease, heartbeatInterval, kafkaProperties, forwardedHeaders);
        }

        public Settings withHeartbeatInterval(Duration heartbeatInterval) {
            return new Settings(document, service, baseUrl, bootstrapServers, topics, serviceVersion, instanceId, lease, heartbeatInterval, kafkaProperties, forwardedHeaders);
        }

        /** Any Kafka producer property (SASL, TLS, ...), passed through as is. */
        public Settings withKafkaProperties(Map<String, Object> kafkaProperties) {
            return new Settings(document, service, baseUrl, bootstrapServers, topics, serviceVersion, instanceId, lease, heartbeatInterval, kafkaProperties, forwardedHeaders);
        }

        /**
         * Header parameters the client sends and the gateway forwards to this service (as its
         * {@code service-forwarded-headers} say), such as a tenant header: no arguments, so they keep no GET from being
         * its resource's GET. The document's API keys in headers are such headers without being named.
         */
        public Settings withForwardedHeaders(List<String> forwardedHeaders) {
            return new Settings(document, service, baseUrl, bootstrapServers, topics, serviceVersion, instanceId, lease, heartbeatInterval, kafkaProperties, forwardedHeaders);
        }

        private static void requireHttpUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the base URL '" + baseUrl + "' is not a URL: " + e.getMessage());
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("the base URL must be an http(s) URL with a host, such as http://partners:8080, was '" + baseUrl + "'");
            }
        }
    }

    private final OpenApiMapping mapping;
    private final InstancePublication publication;

    private OpenApiSidecar(OpenApiMapping mapping, InstancePublication publication) {
        this.mapping = mapping;
        this.publication = publication;
    }

    /**
     * Reads and maps the document, then starts publishing; Kafka being unreachable is retried in the background
     * (see {@link #status()}). Throws {@link InvalidOpenApiDocumentException} when the document cannot be read or
     * maps to no resource at all.
     */
    public static OpenApiSidecar start(Settings settings) {
        OpenApiMapping mapping = OpenApiCatalogReader.read(settings.document(), settings.forwardedHeaders());
        ServiceCatalog catalog = catalog(mapping, settings, Instant.now());
        InstancePublication publication = InstancePublication.start(catalog,
                InstancePublication.Settings.of(settings.bootstrapServers(), settings.topics())
                        .withHeartbeatInterval(settings.heartbeatInterval())
                        .withKafkaProperties(settings.kafkaProperties()));
        return new OpenApiSidecar(mapping, publication);
    }

    /** The catalog a mapped document publishes under these settings. */
    static ServiceCatalog catalog(OpenApiMapping mapping, Settings settings, Instant now) {
        if (mapping.resources().isEmpty() && mapping.operations().isEmpty()) {
            throw new InvalidOpenApiDocumentException(settings.document(), "maps to no resource and no operation field, so there is nothing to publish.\n"
                    + mapping.report().strip(), List.of());
        }
        String version = settings.serviceVersion() != null ? settings.serviceVersion()
                : mapping.documentVersion().isBlank() ? "unversioned" : mapping.documentVersion();
        return new ServiceCatalog(settings.service(), settings.instanceId(), version, now, settings.baseUrl(),
                settings.lease().toMillis(), mapping.resources(), mapping.operations());
    }

    /** What the document mapped to, with the operations left out: print {@link OpenApiMapping#report()}. */
    public OpenApiMapping mapping() {
        return mapping;
    }

    public ServiceCatalog catalog() {
        return publication.catalog();
    }

    /** Whether Kafka has the catalog, how many heartbeats it took, and the last error. */
    public InstancePublication.Status status() {
        return publication.status();
    }

    /** Retracts the catalog (a tombstone, if it was published) and stops the heartbeats. */
    @Override
    public void close() {
        publication.close();
    }
}
