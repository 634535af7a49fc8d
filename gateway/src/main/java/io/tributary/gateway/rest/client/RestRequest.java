package io.tributary.gateway.rest.client;

import java.util.Map;

/**
 * A REST call independent of which instance answers it: method, path with its query string, the headers its header
 * and cookie parameters set, and body (null for none) with its content type, JSON or a form. Two equal GET requests
 * within one GraphQL request are made once.
 */
public record RestRequest(String method, String target, Map<String, String> headers, byte[] body, String contentType) {

    public RestRequest {
        headers = Map.copyOf(headers);
    }

    public boolean isGet() {
        return method.equals("GET");
    }
}
