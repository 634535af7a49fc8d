package io.tributary.gateway.http;

import io.micronaut.http.HttpStatus;
import java.util.Map;

/**
 * A request the gateway answers without executing it: its HTTP status, a GraphQL error code and message for the
 * body, and any headers the status calls for ({@code Allow}, {@code WWW-Authenticate}).
 */
final class HttpRejection extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final Map<String, String> headers;

    HttpRejection(HttpStatus status, String code, String message) {
        this(status, code, message, Map.of());
    }

    HttpRejection(HttpStatus status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    static HttpRejection badRequest(String message) {
        return new HttpRejection(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }
}
