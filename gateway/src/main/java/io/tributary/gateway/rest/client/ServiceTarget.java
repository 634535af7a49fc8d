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
    private final List<Origin> origins;
    private final List<String> refused;
    private final String unroutedReason;
    private final AtomicInteger next = new AtomicInteger();

    /** The printable ASCII characters RFC 3986 keeps out of a path and query, with the fragment's {@code #}. */
    private static final String TARGET_EXCLUDED = "\"#<>\\^`{|}";

    private ServiceTarget(String service, List<Origin> origins, List<String> refused, String unroutedReason) {
        this.service = service;
        this.origins = origins;
        this.refused = refused;
        this.unroutedReason = unroutedReason;
    }

    /** The target of a service whose instances answer at these base URLs, keeping those the settings allow. */
    public static ServiceTarget of(String service, List<String> baseUrls, RestSettings settings) {
        List<Origin> allowed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (String url : baseUrls) {
            String refusal = refusal(url, settings);
            if (refusal == null) {
                allowed.add(Origin.of(url));
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

    /**
     * The call to this service for a request, on the next instance in turn; fails with an
     * {@link IllegalArgumentException} when the request's target is not a path and query a URL may hold (a catalog's
     * path with a space or a line break, say), so that nothing can split the request line.
     */
    public RestCall call(RestRequest request) {
        if (unroutedReason != null) {
            throw DownstreamException.notRouted(service);
        }
        requireRequestTarget(request.target());
        Origin origin = origins.size() == 1 ? origins.getFirst() : origins.get(Math.floorMod(next.getAndIncrement(), origins.size()));
        return new RestCall(service, request.method(), origin, request.target(), request.headers(), request.body(), request.contentType(),
                request.route());
    }

    /** A path and query of RFC 3986's characters, percent-encoded where needed: no space, control, non-ASCII or fragment. */
    private static void requireRequestTarget(String target) {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("a request target must start with /: " + target);
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f || TARGET_EXCLUDED.indexOf(c) >= 0) {
                throw new IllegalArgumentException("character " + (int) c + " may not appear in a request target");
            }
        }
    }

    private static String refusal(String url, RestSettings settings) {
        try {
            return settings.refusal(URI.create(url));
        } catch (IllegalArgumentException e) {
            return "it is not a URL";
        }
    }
}
