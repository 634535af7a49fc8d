package io.tributary.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.tributary.avro.Topics;
import io.tributary.gateway.request.HeaderForwarding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code tributary.gateway.*} configuration. */
@ConfigurationProperties("tributary.gateway")
public class GatewayProperties {
    private String bootstrapServers;
    private String topicPrefix = Topics.DEFAULT_PREFIX;
    private String graph = "default";
    private List<String> forwardedHeaders = List.of("Authorization", "traceparent", "tracestate", "Accept-Language");
    private Map<String, List<String>> serviceForwardedHeaders = new LinkedHashMap<>();

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


    /**
     * The request headers passed on to the services, matched without regard to case: by default {@code Authorization},
     * the W3C trace context ({@code traceparent}, {@code tracestate}) and {@code Accept-Language}.
     */
    public List<String> getForwardedHeaders() {
        return forwardedHeaders;
    }

    public void setForwardedHeaders(List<String> forwardedHeaders) {
        this.forwardedHeaders = List.copyOf(forwardedHeaders);
    }

    /**
     * Request headers passed on to one service only, by service name, such as its API key or tenant header
     * ({@code service-forwarded-headers.crm: [X-Api-Key, x-tenant-id]}): the services that name a header get it, the
     * others do not, unless {@link #getForwardedHeaders()} has it too.
     */
    public Map<String, List<String>> getServiceForwardedHeaders() {
        return serviceForwardedHeaders;
    }

    public void setServiceForwardedHeaders(Map<String, List<String>> serviceForwardedHeaders) {
        this.serviceForwardedHeaders = serviceForwardedHeaders;
    }

    /** Which forwarded header goes to which service, as these properties say. */
    public HeaderForwarding headerForwarding() {
        return new HeaderForwarding(forwardedHeaders, serviceForwardedHeaders);
    }
}
