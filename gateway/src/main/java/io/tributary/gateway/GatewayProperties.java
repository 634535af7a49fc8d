package io.tributary.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.tributary.avro.Topics;
import java.time.Duration;

/** The {@code tributary.gateway.*} configuration. */
@ConfigurationProperties("tributary.gateway")
public class GatewayProperties {
    private String bootstrapServers;
    private String topicPrefix = Topics.DEFAULT_PREFIX;
    private String graph = "default";
    private Duration downstreamTimeout = Duration.ofSeconds(10);

    /** Kafka bootstrap servers to read schema views from. */
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

    /** Which graph this gateway serves: the key of its views on the schema topic. */
    public String getGraph() {
        return graph;
    }

    public void setGraph(String graph) {
        this.graph = graph;
    }

    /** How long a REST call may take before its field fails. */
    public Duration getDownstreamTimeout() {
        return downstreamTimeout;
    }

    public void setDownstreamTimeout(Duration downstreamTimeout) {
        this.downstreamTimeout = downstreamTimeout;
    }
}
