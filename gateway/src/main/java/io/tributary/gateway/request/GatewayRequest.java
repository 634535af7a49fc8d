package io.tributary.gateway.request;

import java.util.Map;

/**
 * One GraphQL request as the gateway executes it: the operation, and what the caller brings along: the headers to
 * forward downstream (already filtered by the allowlist), the caller's verified identity, and the client application
 * it says it is (for usage reports).
 */
public record GatewayRequest(String query, String operationName, Map<String, Object> variables,
                             Map<String, String> forwardedHeaders, Caller caller, Client client) {
    public GatewayRequest {
        variables = variables == null ? Map.of() : variables;
        forwardedHeaders = Map.copyOf(forwardedHeaders);
        client = client == null ? Client.UNNAMED : client;
    }

    /** A request that does not name its client. */
    public GatewayRequest(String query, String operationName, Map<String, Object> variables, Map<String, String> forwardedHeaders,
                          Caller caller) {
        this(query, operationName, variables, forwardedHeaders, caller, Client.UNNAMED);
    }

    /** A request with no headers to forward and an anonymous caller, for tests and internal use. */
    public static GatewayRequest of(String query) {
        return new GatewayRequest(query, null, Map.of(), Map.of(), Caller.ANONYMOUS);
    }
}
