package io.tributary.gateway.rest.client;

import java.util.Map;

/**
 * A REST call independent of which instance answers it: method, path with its query string, the headers its header
 * and cookie parameters set, body (null for none) with its content type, JSON or a form, and the catalog's path
 * template it was made from (the route its trace span is named by). Two equal GET requests within one GraphQL request
 * are made once.
 */
public record RestRequest(String method, String target, Map<String, String> headers, byte[] body, String contentType, String route) {

    public RestRequest {
        headers = Map.copyOf(headers);
    }

    public boolean isGet() {
        return method.equals("GET");
    }
}
