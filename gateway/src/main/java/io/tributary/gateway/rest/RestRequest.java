package io.tributary.gateway.rest;

/**
 * A REST call independent of which instance answers it: method, path with its query string, and JSON body (null for
 * none). Two equal GET requests within one GraphQL request are made once.
 */
record RestRequest(String method, String target, byte[] body) {

    boolean isGet() {
        return method.equals("GET");
    }
}
