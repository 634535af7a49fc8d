package io.tributary.gateway.rest.client;

import java.util.Map;

/**
 * A REST call independent of which instance answers it: method, path with its query string, the headers its header
 * and cookie parameters set, and JSON body (null for none). Two equal GET requests within one GraphQL request are
 * made once.
 */
public record RestRequest(String method, String target, Map<String, String> headers, byte[] body) {

    public RestRequest {
        headers = Map.copyOf(headers);
    }

    public boolean isGet() {
        return method.equals("GET");
    }
}
