package io.tributary.gateway.rest;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A REST call that failed: the service, the HTTP status (0 when no response came) and the URL. Becomes a GraphQL
 * error at the field's path with the service and status in its extensions.
 */
public class DownstreamException extends RuntimeException implements GraphQLError {
    private final String service;
    private final int status;

    public DownstreamException(String service, int status, URI uri, String detail) {
        super("Service " + service + " answered " + (status == 0 ? "nothing" : "HTTP " + status) + " for GET " + uri.getPath()
                + (detail.isBlank() ? "" : ": " + detail));
        this.service = service;
        this.status = status;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification("DOWNSTREAM_ERROR");
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("service", service, "status", status, "code", "DOWNSTREAM_ERROR");
    }
}
