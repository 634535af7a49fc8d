package io.tributary.gateway.rest.fetch;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.List;
import java.util.Map;

/** A field argument the gateway cannot turn into a REST call (a cursor it did not issue, a negative page size): the client's mistake, not the service's. */
final class InvalidArgumentException extends RuntimeException implements GraphQLError {

    InvalidArgumentException(String message) {
        super(message, null, false, false);
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification("BAD_USER_INPUT");
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", "BAD_USER_INPUT");
    }
}
