package io.tributary.gateway.rest.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the gateway calls the services' REST APIs, so one slow or hostile service cannot hurt the rest: how long a call
 * may take (per service), how many calls to one service may be in flight and how long a call waits for a slot, how
 * many ids one MULTI_GET carries, how many elements an unpaged "all" list holds, which hosts a catalog's
 * {@code baseUrl} may name, and how many calls one request may make.
 *
 * @param timeout            how long a call may take when its service has no timeout of its own
 * @param serviceTimeouts    per service name, overriding {@code timeout}
 * @param maxConcurrentCalls how many calls to one service may be in flight at once
 * @param concurrencyWait    how long a call waits for a free slot before it fails as UNAVAILABLE
 * @param batchSize          the most ids one MULTI_GET call carries
 * @param listBound          the most elements a list that asks for "all" holds ({@code courses} without ids, plain
 *                           lists over paged operations)
 * @param allowedHosts       the hosts a base URL may name: exact names, or {@code *.suffix} for any subdomain
 * @param deniedHosts        hosts, or {@code host:port}, a base URL may not name even when allowed (deny wins): by
 *                           default the aggregator's API and this gateway's own port on this machine
 * @param maxCallsPerRequest the most REST calls one GraphQL request may make, 0 for no limit: the limits refuse an
 *                           operation estimated above it before it runs, and a request's calls beyond it fail unsent
 */
public record RestSettings(Duration timeout, Map<String, Duration> serviceTimeouts, int maxConcurrentCalls,
                           Duration concurrencyWait, int batchSize, int listBound, List<String> allowedHosts,
                           List<String> deniedHosts, int maxCallsPerRequest) {

    /** The hosts allowed when nothing is configured: this machine only. */
    public static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");
    /** The port of the aggregator's HTTP API unless configured otherwise; denied on this machine by default. */
    public static final int AGGREGATOR_PORT = 8090;

    public RestSettings {
        requirePositive(timeout, "timeout");
        serviceTimeouts = Map.copyOf(serviceTimeouts);
        serviceTimeouts.forEach((service, t) -> requirePositive(t, "timeout of service " + service));
        Objects.requireNonNull(concurrencyWait, "concurrencyWait");
        if (concurrencyWait.isNegative()) {
            throw new IllegalArgumentException("concurrencyWait must not be negative, was " + concurrencyWait);
        }
        requirePositive(maxConcurrentCalls, "maxConcurrentCalls");
        requirePositive(batchSize, "batchSize");
        requirePositive(listBound, "listBound");
        allowedHosts = normalized(allowedHosts);
        deniedHosts = normalized(deniedHosts);
        deniedHosts.forEach(HostPattern::parse);
        if (maxCallsPerRequest < 0) {
            throw new IllegalArgumentException("maxCallsPerRequest must be 0 (no limit) or positive, was " + maxCallsPerRequest);
        }
    }

    /**
     * Ten seconds per call, 64 calls in flight per service waiting half a second for a slot, 50 ids per MULTI_GET, 100
     * elements per "all" list, local hosts only but not the aggregator's API, 200 calls per request.
     */
    public static RestSettings defaults() {
        return new RestSettings(Duration.ofSeconds(10), Map.of(), 64, Duration.ofMillis(500), 50, 100, LOCAL_HOSTS,
                defaultDeniedHosts(0), 200);
    }

    /**
     * The {@code host:port} pairs denied when nothing is configured: the aggregator's API ({@value #AGGREGATOR_PORT}) and,
     * when it is a fixed port, this gateway's own, on every name of this machine, so no catalog makes the gateway call
     * itself or the aggregator.
     */
    public static List<String> defaultDeniedHosts(int gatewayPort) {
        List<String> denied = new ArrayList<>();
        LOCAL_HOSTS.forEach(host -> denied.add(host + ":" + AGGREGATOR_PORT));
        if (gatewayPort > 0 && gatewayPort != AGGREGATOR_PORT) {
            LOCAL_HOSTS.forEach(host -> denied.add(host + ":" + gatewayPort));
        }
        return List.copyOf(denied);
    }

    /** How long a call to this service may take. */
    public Duration timeoutFor(String service) {
        return serviceTimeouts.getOrDefault(service, timeout);
    }

    /**
     * Why a base URL may not be called, or null when it may: it must be http(s) without user info, name a host on the
     * allowlist and no host or {@code host:port} of the deny list.
     */
    String refusal(URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            return "it is not an http or https URL";
        }
        if (url.getRawUserInfo() != null) {
            return "it carries user info";
        }
        String host = url.getHost() == null ? null : url.getHost().toLowerCase(Locale.ROOT);
        if (host == null || host.isEmpty()) {
            return "it names no host";
        }
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        for (String denied : deniedHosts) {
            if (HostPattern.parse(denied).matches(host, port)) {
                return "it names " + host + ":" + port + ", which the gateway's deny list " + deniedHosts
                        + " refuses (tributary.gateway.downstream.denied-hosts)";
            }
        }
        for (String allowed : allowedHosts) {
            if (HostPattern.parse(allowed).matches(host, port)) {
                return null;
            }
        }
        return "it names host " + host + ", which is not on the gateway's allowlist of downstream hosts " + allowedHosts
                + " (tributary.gateway.downstream.allowed-hosts)";
    }

    public RestSettings withTimeout(Duration timeout) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts, deniedHosts,
                maxCallsPerRequest);
    }

    public RestSettings withServiceTimeout(String service, Duration serviceTimeout) {
        Map<String, Duration> timeouts = new HashMap<>(serviceTimeouts);
        timeouts.put(service, serviceTimeout);
        return new RestSettings(timeout, timeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts, deniedHosts,
                maxCallsPerRequest);
    }

    public RestSettings withConcurrency(int maxConcurrentCalls, Duration concurrencyWait) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts, deniedHosts,
                maxCallsPerRequest);
    }

    public RestSettings withBatchSize(int batchSize) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts, deniedHosts,
                maxCallsPerRequest);
    }

    public RestSettings withListBound(int listBound) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts, deniedHosts,
                maxCallsPerRequest);
    }

    public RestSettings withAllowedHosts(List<String> allowedHosts) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts, deniedHosts,
                maxCallsPerRequest);
    }

    public RestSettings withDeniedHosts(List<String> deniedHosts) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts, deniedHosts,
                maxCallsPerRequest);
    }

    public RestSettings withMaxCallsPerRequest(int maxCallsPerRequest) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts, deniedHosts,
                maxCallsPerRequest);
    }

    private static List<String> normalized(List<String> hosts) {
        return hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }

    private static void requirePositive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + value);
        }
    }
}
