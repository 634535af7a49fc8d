package io.tributary.gateway.rest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the gateway calls the services' REST APIs, so one slow or hostile service cannot hurt the rest: how long a call
 * may take (per service), how many calls to one service may be in flight and how long a call waits for a slot, how
 * many ids one MULTI_GET carries, how many elements an unpaged "all" list holds, and which hosts a catalog's
 * {@code baseUrl} may name.
 *
 * @param timeout            how long a call may take when its service has no timeout of its own
 * @param serviceTimeouts    per service name, overriding {@code timeout}
 * @param maxConcurrentCalls how many calls to one service may be in flight at once
 * @param concurrencyWait    how long a call waits for a free slot before it fails as UNAVAILABLE
 * @param batchSize          the most ids one MULTI_GET call carries
 * @param listBound          the most elements a list that asks for "all" holds ({@code courses} without ids, plain
 *                           lists over paged operations)
 * @param allowedHosts       the hosts a base URL may name: exact names, or {@code *.suffix} for any subdomain
 */
public record RestSettings(Duration timeout, Map<String, Duration> serviceTimeouts, int maxConcurrentCalls,
                           Duration concurrencyWait, int batchSize, int listBound, List<String> allowedHosts) {

    /** The hosts allowed when nothing is configured: this machine only. */
    public static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

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
        allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /** Ten seconds per call, 64 calls in flight per service waiting half a second for a slot, 50 ids per MULTI_GET, 100 elements per "all" list, local hosts only. */
    public static RestSettings defaults() {
        return new RestSettings(Duration.ofSeconds(10), Map.of(), 64, Duration.ofMillis(500), 50, 100, LOCAL_HOSTS);
    }

    /** How long a call to this service may take. */
    public Duration timeoutFor(String service) {
        return serviceTimeouts.getOrDefault(service, timeout);
    }

    /** Whether a base URL may name this host ({@code [::1]} for IPv6 literals, as {@link java.net.URI#getHost()} gives it). */
    public boolean allowsHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? name.endsWith(allowed.substring(1)) : name.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    public RestSettings withTimeout(Duration timeout) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts);
    }

    public RestSettings withServiceTimeout(String service, Duration serviceTimeout) {
        Map<String, Duration> timeouts = new HashMap<>(serviceTimeouts);
        timeouts.put(service, serviceTimeout);
        return new RestSettings(timeout, timeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts);
    }

    public RestSettings withConcurrency(int maxConcurrentCalls, Duration concurrencyWait) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts);
    }

    public RestSettings withBatchSize(int batchSize) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts);
    }

    public RestSettings withListBound(int listBound) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts);
    }

    public RestSettings withAllowedHosts(List<String> allowedHosts) {
        return new RestSettings(timeout, serviceTimeouts, maxConcurrentCalls, concurrencyWait, batchSize, listBound, allowedHosts);
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
