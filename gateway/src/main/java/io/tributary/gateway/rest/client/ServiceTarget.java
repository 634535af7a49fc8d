package io.tributary.gateway.rest.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where one service's calls go: its live instances whose base URL the allow and deny lists accept, taken in turn;
 * or, when no base URL is accepted, why the service is not routed (for the gateway's log, never for clients).
 */
public final class ServiceTarget {
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
    public static ServiceTarget of(String service, List<String> baseUrls, RestSettings settings) {
        List<String> allowed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (String url : baseUrls) {
            String refusal = refusal(url, settings);
            if (refusal == null) {
                allowed.add(trimmed(url));
            } else {
                refused.add(url);
                why.add("its base URL " + url + " is refused: " + refusal);
            }
        }
        if (!allowed.isEmpty()) {
            return new ServiceTarget(service, List.copyOf(allowed), List.copyOf(refused), null);
        }
        if (baseUrls.isEmpty()) {
            return new ServiceTarget(service, List.of(), List.of(), "it has no live instance");
        }
        return new ServiceTarget(service, List.of(), List.copyOf(refused), String.join("; ", why));
    }

    public String service() {
        return service;
    }

    public boolean routed() {
        return unroutedReason == null;
    }

    /** The base URLs of live instances the allowlist keeps the gateway from calling. */
    public List<String> refused() {
        return refused;
    }

    /** Why the service is not routed; null when it is. */
    public String unroutedReason() {
        return unroutedReason;
    }

    /** The call to this service for a request, on the next instance in turn. */
    public RestCall call(RestRequest request) {
        if (unroutedReason != null) {
            throw DownstreamException.notRouted(service);
        }
        String base = baseUrls.size() == 1 ? baseUrls.getFirst() : baseUrls.get(Math.floorMod(next.getAndIncrement(), baseUrls.size()));
        return new RestCall(service, request.method(), URI.create(base + request.target()), request.headers(), request.body(),
                request.contentType());
    }

    private static String refusal(String url, RestSettings settings) {
        try {
            return settings.refusal(URI.create(url));
        } catch (IllegalArgumentException e) {
            return "it is not a URL";
        }
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
