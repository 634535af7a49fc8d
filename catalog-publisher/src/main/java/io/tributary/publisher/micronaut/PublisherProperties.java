package io.tributary.publisher.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import io.tributary.avro.Topics;
import java.time.Duration;
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
    private Duration lease = Duration.ofSeconds(30);
    private Duration heartbeatInterval = Duration.ofSeconds(10);
    private boolean failFast;
    private Duration drain = Duration.ofSeconds(1);
    private boolean createTopics = true;
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

    /** How long the catalog stays live without a heartbeat (default 30 s). */
    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    /** How often a live instance renews its lease (default 10 s); a heartbeat is tiny, the catalog is not resent. */
    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    /**
     * Whether the service fails to start when Kafka does not take its catalog (default false: it starts, says so in
     * its log and {@code /health}, and publishes when Kafka is back).
     */
    public boolean isFailFast() {
        return failFast;
    }

    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    /** Any Kafka producer property (SASL, TLS, ...), passed through as is: {@code tributary.publisher.kafka.security.protocol}. */
    /**
     * On a graceful shutdown, how long the service keeps answering after it retracted its catalog and before its HTTP
     * server stops: long enough for the gateways to swap this instance out, so no call lands on a closed port
     * (1 s by default; 0 stops at once).
     */
    public Duration getDrain() {
        return drain;
    }

    public void setDrain(Duration drain) {
        this.drain = drain;
    }

    /** Whether the service creates Tributary's missing topics before it publishes (on by default: any start order works). */
    public boolean isCreateTopics() {
        return createTopics;
    }

    public void setCreateTopics(boolean createTopics) {
        this.createTopics = createTopics;
    }

    public Map<String, Object> getKafka() {
        return kafka;
    }

    public void setKafka(@MapFormat(keyFormat = StringConvention.RAW, transformation = MapFormat.MapTransformation.FLAT)
                         Map<String, Object> kafka) {
        this.kafka = kafka;
    }
}
