package io.tributary.gateway.rest;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where one service's calls go: its live instances whose base URL the allowlist accepts, taken in turn; or, when no
 * base URL is allowed, why the service is not routed.
 */
final class ServiceTarget {
    private final String service;
    private final List<String> baseUrls;
    private final List<String> refused;
    private final String unroutedReason;
    private final AtomicInteger next = new AtomicInteger();

    private ServiceTarget(String service, List<String> baseUrls, List<String> refused, String unroutedReason) {
        this.service = service;
        this.baseUrls = baseUrls;
        this.refused = refused;
        this.unroutedReason = unroutedReason;
    }

    /** The target of a service whose instances answer at these base URLs, keeping those the settings allow. */
    static ServiceTarget of(String service, List<String> baseUrls, RestSettings settings) {
        List<String> allowed = baseUrls.stream().filter(url -> allowed(url, settings)).map(ServiceTarget::trimmed).toList();
        List<String> refused = baseUrls.stream().filter(url -> !allowed(url, settings)).toList();
        if (!allowed.isEmpty()) {
            return new ServiceTarget(service, allowed, refused, null);
        }
        if (baseUrls.isEmpty()) {
            return new ServiceTarget(service, List.of(), List.of(), "it has no live instance");
        }
        List<String> hosts = baseUrls.stream().map(ServiceTarget::host).distinct().toList();
        return new ServiceTarget(service, List.of(), refused, "its base URL " + String.join(", ", baseUrls) + " names "
                + (hosts.size() == 1 ? "host " + hosts.getFirst() : "hosts " + String.join(", ", hosts))
                + ", which is not on the gateway's allowlist of downstream hosts " + settings.allowedHosts()
                + " (tributary.gateway.downstream.allowed-hosts)");
    }

    String service() {
        return service;
    }

    boolean routed() {
        return unroutedReason == null;
    }

    /** The base URLs of live instances the allowlist keeps the gateway from calling. */
    List<String> refused() {
        return refused;
    }

    /** Why the service is not routed; null when it is. */
    String unroutedReason() {
        return unroutedReason;
    }

    /** The call to this service for a request, on the next instance in turn. */
    RestCall call(RestRequest request) {
        if (unroutedReason != null) {
            throw DownstreamException.notRouted(service, unroutedReason);
        }
        String base = baseUrls.size() == 1 ? baseUrls.getFirst() : baseUrls.get(Math.floorMod(next.getAndIncrement(), baseUrls.size()));
        return new RestCall(service, request.method(), URI.create(base + request.target()), request.body());
    }

    private static boolean allowed(String url, RestSettings settings) {
        try {
            URI uri = URI.create(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getRawUserInfo() == null && settings.allowsHost(uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "(none)" : host;
        } catch (IllegalArgumentException e) {
            return "(unparseable URL)";
        }
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
