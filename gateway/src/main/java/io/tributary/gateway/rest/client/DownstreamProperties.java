package io.tributary.gateway.rest.client;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tributary.gateway.downstream.*} configuration: how the gateway calls the services, read into
 * {@link RestSettings}. Every key has the default of {@link RestSettings#defaults()}, but for {@code denied-hosts},
 * whose default also denies the gateway's own port on this machine.
 * <pre>
 * tributary.gateway.downstream:
 *   timeout: 10s                  # per call, unless the service has its own
 *   service-timeouts: {search: 2s}
 *   max-concurrent-calls: 64      # per service
 *   concurrency-wait: 500ms       # how long a call waits for a slot before failing as UNAVAILABLE
 *   batch-size: 50                # ids per MULTI_GET
 *   list-bound: 100               # elements of a list that asks for "all"
 *   allowed-hosts: [localhost, 127.0.0.1, "[::1]", "*.svc.cluster.local"]
 *   denied-hosts: ["localhost:8090", "127.0.0.1:8090", "[::1]:8090"]   # and the gateway's own port; deny wins
 *   max-calls-per-request: 200    # 0 for no limit
 * </pre>
 */
@ConfigurationProperties("tributary.gateway.downstream")
public class DownstreamProperties {
    private static final RestSettings DEFAULTS = RestSettings.defaults();

    private Duration timeout = DEFAULTS.timeout();
    private Map<String, Duration> serviceTimeouts = new LinkedHashMap<>();
    private int maxConcurrentCalls = DEFAULTS.maxConcurrentCalls();
    private Duration concurrencyWait = DEFAULTS.concurrencyWait();
    private int batchSize = DEFAULTS.batchSize();
    private int listBound = DEFAULTS.listBound();
    private List<String> allowedHosts = new ArrayList<>(DEFAULTS.allowedHosts());
    private List<String> deniedHosts;
    private int maxCallsPerRequest = DEFAULTS.maxCallsPerRequest();

    /**
     * The settings these properties describe, for a gateway serving HTTP on {@code gatewayPort} (0 or less when it is
     * not fixed); invalid values fail here, when the gateway starts.
     */
    public RestSettings toSettings(int gatewayPort) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts,
                deniedHosts != null ? deniedHosts : RestSettings.defaultDeniedHosts(gatewayPort), maxCallsPerRequest);
    }

    /** How long a REST call may take when its service has no timeout of its own. */
    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** Timeouts of particular services, by service name. */
    public Map<String, Duration> getServiceTimeouts() {
        return serviceTimeouts;
    }

    public void setServiceTimeouts(Map<String, Duration> serviceTimeouts) {
        this.serviceTimeouts = serviceTimeouts;
    }

    /** How many calls to one service may be in flight at once. */
    public int getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public void setMaxConcurrentCalls(int maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    /** How long a call waits for a free slot of its service before it fails as UNAVAILABLE. */
    public Duration getConcurrencyWait() {
        return concurrencyWait;
    }

    public void setConcurrencyWait(Duration concurrencyWait) {
        this.concurrencyWait = concurrencyWait;
    }

    /** The most ids one MULTI_GET call carries. */
    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /** The most elements a list that asks for "all" holds. */
    public int getListBound() {
        return listBound;
    }

    public void setListBound(int listBound) {
        this.listBound = listBound;
    }

    /** The hosts a catalog's base URL may name: exact names, or {@code *.suffix}. */
    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    /**
     * Hosts, or {@code host:port}, a catalog's base URL may not name even when the allowlist has them. Unset, the
     * aggregator's API (port 8090) and the gateway's own port on {@code localhost}, {@code 127.0.0.1} and {@code [::1]};
     * setting it replaces that default.
     */
    public List<String> getDeniedHosts() {
        return deniedHosts;
    }

    public void setDeniedHosts(List<String> deniedHosts) {
        this.deniedHosts = deniedHosts;
    }

    /** The most REST calls one GraphQL request may make; 0 for no limit. */
    public int getMaxCallsPerRequest() {
        return maxCallsPerRequest;
    }

    public void setMaxCallsPerRequest(int maxCallsPerRequest) {
        this.maxCallsPerRequest = maxCallsPerRequest;
    }
}
