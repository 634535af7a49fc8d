package io.tributary.compose;

import java.util.List;

/** Where the gateway reaches a service: the base URLs of its live instances. */
public record ServiceEndpoint(String service, List<String> baseUrls) {
    public ServiceEndpoint {
        baseUrls = List.copyOf(baseUrls);
    }
}
