package io.tributary.gateway.usage;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;

/**
 * The {@code tributary.gateway.usage.*} configuration: whether the gateway reports what clients execute, how often,
 * how many distinct operations and clients one interval keeps, and which headers name the client.
 */
@ConfigurationProperties("tributary.gateway.usage")
public class UsageProperties {
    private boolean enabled = true;
    private Duration interval = Duration.ofSeconds(5);
    private int maxOperations = 1_000;
    private int maxClients = 50;
    private List<String> clientNameHeaders = List.of("apollographql-client-name", "graphql-client-name");
    private List<String> clientVersionHeaders = List.of("apollographql-client-version", "graphql-client-version");

    /** Whether usage is recorded and published at all (on by default). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** How often a usage report is published (when the interval saw a request). */
    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    /** Distinct operations one interval keeps; executions of any further ones are counted as dropped. */
    public int getMaxOperations() {
        return maxOperations;
    }

    public void setMaxOperations(int maxOperations) {
        this.maxOperations = maxOperations;
    }

    /** Distinct clients one operation keeps per interval; further clients are counted together as {@code (other)}. */
    public int getMaxClients() {
        return maxClients;
    }

    public void setMaxClients(int maxClients) {
        this.maxClients = maxClients;
    }

    /** The request headers that name the client, the first present wins. */
    public List<String> getClientNameHeaders() {
        return clientNameHeaders;
    }

    public void setClientNameHeaders(List<String> clientNameHeaders) {
        this.clientNameHeaders = List.copyOf(clientNameHeaders);
    }

    /** The request headers that give the client's version, the first present wins. */
    public List<String> getClientVersionHeaders() {
        return clientVersionHeaders;
    }

    public void setClientVersionHeaders(List<String> clientVersionHeaders) {
        this.clientVersionHeaders = List.copyOf(clientVersionHeaders);
    }
}
