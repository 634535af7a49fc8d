package io.tributary.gateway.http;

import io.micronaut.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the headers on the allowlist out of a request, to be sent on to the services; any other header (cookies,
 * proxies' headers) stays at the gateway. Repeated headers are joined with commas, as HTTP allows for lists.
 */
final class ForwardedHeaders {
    private final List<String> allowed;

    ForwardedHeaders(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    Map<String, String> from(HttpHeaders headers) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String name : allowed) {
            List<String> values = headers.getAll(name);
            if (!values.isEmpty()) {
                forwarded.put(name, String.join(", ", values));
            }
        }
        return forwarded;
    }
}
