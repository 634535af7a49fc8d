package io.tributary.gateway.rest.fetch;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.tributary.gateway.rest.client.RestSettings;
import java.util.List;
import java.util.Map;

/**
 * A REST call a request may not make: it already made as many as {@link RestSettings#maxCallsPerRequest()} allows.
 * The limits refuse an operation estimated above the cap before it runs; this is the safety net for calls the estimate
 * did not foresee (a service answering shorter pages than asked), failing each such field at its path, unsent.
 */
public final class DownstreamCallsExceeded extends RuntimeException implements GraphQLError {
    /** The {@code code} extension of this error, and of the limits' refusal before execution. */
    public static final String CODE = "MAX_DOWNSTREAM_CALLS_EXCEEDED";

    private final int limit;

    DownstreamCallsExceeded(int limit) {
        super("The request reached the gateway's limit of " + limit + " downstream calls; this call was not made.", null, false, false);
        this.limit = limit;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(CODE);
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", CODE, "limit", limit);
    }
}
