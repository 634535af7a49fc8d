package io.tributary.gateway.security;

import java.util.Map;
import java.util.Set;

/**
 * The routed fields of one operation the caller may not see, by coordinate with the scopes missing for each; worked
 * out before execution and put in the request's {@code GraphQLContext} under this class, so anything that looks ahead
 * at the selection (batching, prefetching) can leave them out. Their fetchers are never called.
 */
public record DeniedFields(Map<String, Set<String>> missingByCoordinate) {
    public static final DeniedFields NONE = new DeniedFields(Map.of());

    public DeniedFields {
        missingByCoordinate = Map.copyOf(missingByCoordinate);
    }

    public boolean isDenied(String coordinate) {
        return missingByCoordinate.containsKey(coordinate);
    }
}
