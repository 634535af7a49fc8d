package io.tributary.publisher.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.tributary.avro.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code tributary.publisher.*} configuration of a service that embeds the publisher. */
@ConfigurationProperties("tributary.publisher")
public class PublisherProperties {
    private String bootstrapServers;
    private String topicPrefix = Topics.DEFAULT_PREFIX;
    private String serviceName;
    private String serviceVersion = "unversioned";
    private String instanceId = UUID.randomUUID().toString();
    private String baseUrl;
    private long leaseMillis = 30_000;
    private Map<String, Object> kafka = new HashMap<>();

    /** Kafka bootstrap servers; the publisher is active only when this is set. */
    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Prefix of Tributary's topics, {@code tributary} by default. */
    public String getTopicPrefix() {
        return topicPrefix;
    }

    public void setTopicPrefix(String topicPrefix) {
        this.topicPrefix = topicPrefix;
    }

    /** The service's name in the graph, such as {@code courses}. */
    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The deploy's version string, shown by operators during rolling deploys. */
    public String getServiceVersion() {
        return serviceVersion;
    }

    public void setServiceVersion(String serviceVersion) {
        this.serviceVersion = serviceVersion;
    }

    /** Identifies this instance among the service's instances; random by default. */
    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    /** Where the gateway reaches this instance, for services behind a proxy; the server's own URL when unset. */
    public Optional<String> getBaseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** How long the catalog stays live without a heartbeat. */
    public long getLeaseMillis() {
        return leaseMillis;
    }

    public void setLeaseMillis(long leaseMillis) {
        this.leaseMillis = leaseMillis;
    }

    /** Any Kafka producer property (SASL, TLS, ...), passed through as is. */
    public Map<String, Object> getKafka() {
        return kafka;
    }

    public void setKafka(Map<String, Object> kafka) {
        this.kafka = kafka;
    }
}
