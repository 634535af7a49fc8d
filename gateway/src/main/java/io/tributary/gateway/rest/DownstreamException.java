package io.tributary.gateway.rest;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a field could not be answered by its service: the service, the HTTP status (0 when no response came) and a
 * {@link Code}. It becomes a GraphQL error at the field's path with {@code service}, {@code status} and {@code code}
 * in its extensions, so clients and operators can tell a missing element from a broken or slow service.
 */
public class DownstreamException extends RuntimeException implements GraphQLError {

    /** What went wrong, as the {@code code} extension of the GraphQL error. */
    public enum Code {
        /** The service has no element with this id (HTTP 404). */
        NOT_FOUND,
        /** The service answered with an error status, or with something that is not the JSON it promised. */
        DOWNSTREAM_ERROR,
        /** The service did not answer within its timeout. */
        TIMEOUT,
        /** The service could not be reached, or too many calls to it were already in flight. */
        UNAVAILABLE,
        /** The gateway does not call the service: its base URL is not on the allowlist of downstream hosts. */
        NOT_ROUTED
    }

    private final String service;
    private final int status;
    private final Code code;

    public DownstreamException(String service, Code code, int status, String message) {
        super(message, null, false, false);
        this.service = service;
        this.status = status;
        this.code = code;
    }

    static DownstreamException status(String service, String method, URI uri, int status, String detail) {
        return new DownstreamException(service, status == 404 ? Code.NOT_FOUND : Code.DOWNSTREAM_ERROR, status,
                "Service " + service + " answered HTTP " + status + " for " + method + " " + uri.getPath()
                        + (detail.isBlank() ? "" : ": " + detail));
    }

    static DownstreamException invalidResponse(String service, String method, URI uri, int status, String why) {
        return new DownstreamException(service, Code.DOWNSTREAM_ERROR, status,
                "Service " + service + " answered " + method + " " + uri.getPath() + " with " + why);
    }

    static DownstreamException timeout(String service, String method, URI uri, Duration timeout) {
        return new DownstreamException(service, Code.TIMEOUT, 0,
                "Service " + service + " did not answer " + method + " " + uri.getPath() + " within " + timeout.toMillis() + " ms");
    }

    static DownstreamException unreachable(String service, String method, URI uri, Throwable cause) {
        return new DownstreamException(service, Code.UNAVAILABLE, 0,
                "Service " + service + " could not be reached for " + method + " " + uri.getPath() + ": " + cause);
    }

    static DownstreamException busy(String service, int limit, Duration waited) {
        return new DownstreamException(service, Code.UNAVAILABLE, 0, "Service " + service + " already has " + limit
                + " calls in flight, the most the gateway allows; no slot freed within " + waited.toMillis() + " ms");
    }

    static DownstreamException notFound(String service, String resource, Object id) {
        return new DownstreamException(service, Code.NOT_FOUND, 404, "Service " + service + " has no " + resource + " with id " + id);
    }

    static DownstreamException notRouted(String service, String reason) {
        return new DownstreamException(service, Code.NOT_ROUTED, 0, "Service " + service + " is not routed: " + reason);
    }

    public String service() {
        return service;
    }

    /** The HTTP status the service answered, 0 when it gave none. */
    public int status() {
        return status;
    }

    public Code code() {
        return code;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(code.name());
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("service", service);
        extensions.put("status", status);
        extensions.put("code", code.name());
        return extensions;
    }
}
