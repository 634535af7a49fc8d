package io.tributary.avro;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The names and configuration of Tributary's topics under one prefix ({@code tributary} by default). The catalog
 * topic has a single partition: the fold needs every event in one total order to be deterministic.
 */
public record Topics(String prefix) {

    public static final String DEFAULT_PREFIX = "tributary";

    public static Topics withDefaultPrefix() {
        return new Topics(DEFAULT_PREFIX);
    }

    /** Catalog events, key {@code service/instanceId}; compacted, so the latest catalog of every instance stays. */
    public String catalog() {
        return prefix + ".catalog";
    }

    /**
     * Heartbeats, key {@code service/instanceId}: small lease renewals kept apart from the catalogs, so renewing a
     * lease never rewrites a catalog and the fold never depends on heartbeat timing. Deleted after an hour.
     */
    public String heartbeat() {
        return prefix + ".heartbeat";
    }

    /** Schema views, key graph name; compacted, so a new gateway reads the latest view first thing. */
    public String schema() {
        return prefix + ".schema";
    }

    /** Curation rules, key rule id; compacted, so the current rule set stays. */
    public String curation() {
        return prefix + ".curation";
    }

    /** Every view with its diff and cause, kept by time: what operators replay and blame against. */
    public String schemaHistory() {
        return prefix + ".schema-history";
    }

    /** Catalog events the aggregator could not use, with the reason in a header and the original bytes. */
    public String catalogRejected() {
        return prefix + ".catalog-rejected";
    }

    /** What each gateway serves, key gateway id; compacted, so the latest status of every gateway stays. */
    public String gatewayStatus() {
        return prefix + ".gateway-status";
    }

    /** What each gateway executed, key gateway id, one report per interval; deleted after 30 days. */
    public String usage() {
        return prefix + ".usage";
    }

    /** Every topic with its configuration, for provisioning a cluster. */
    public List<NewTopic> newTopics(short replicationFactor) {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        return List.of(
                new NewTopic(catalog(), 1, replicationFactor).configs(compacted),
                new NewTopic(curation(), 1, replicationFactor).configs(compacted),
                new NewTopic(heartbeat(), 1, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis()))),
                new NewTopic(schema(), 1, replicationFactor).configs(compacted),
                new NewTopic(gatewayStatus(), 1, replicationFactor).configs(compacted),
                new NewTopic(schemaHistory(), 1, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(90).toMillis()))),
                new NewTopic(catalogRejected(), 1, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(30).toMillis()))),
                new NewTopic(usage(), 1, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(30).toMillis()))));
    }
}
