package io.tributary.gateway.limits;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.tributary.gateway.rest.fetch.DownstreamCallsExceeded;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request errors for operations beyond one of the gateway's limits: a clear message, and the limit's code (with
 * the measured value and the limit, when there are numbers) in its extensions so clients can tell limits apart.
 */
public final class LimitExceeded {
    public static final String DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE";
    public static final String MAX_DEPTH_EXCEEDED = "MAX_DEPTH_EXCEEDED";
    public static final String MAX_COMPLEXITY_EXCEEDED = "MAX_COMPLEXITY_EXCEEDED";
    public static final String MAX_ALIASES_EXCEEDED = "MAX_ALIASES_EXCEEDED";
    public static final String INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED";
    public static final String MAX_DOWNSTREAM_CALLS_EXCEEDED = DownstreamCallsExceeded.CODE;

    static GraphQLError documentSize(long bytes, long limit) {
        return error(DOCUMENT_TOO_LARGE,
                "The document has " + bytes + " bytes; this gateway accepts at most " + limit + ".", bytes, limit);
    }

    static GraphQLError depth(long depth, long limit) {
        return error(MAX_DEPTH_EXCEEDED,
                "The operation nests fields " + depth + " levels deep; this gateway allows at most " + limit + ".", depth, limit);
    }

    static GraphQLError complexity(long cost, long limit) {
        return error(MAX_COMPLEXITY_EXCEEDED, "The operation costs " + cost + "; this gateway allows at most " + limit
                + " (each field costs 1, and a list field multiplies what it selects by first, last, pageSize, limit, the"
                + " number of ids, or the default list size).", cost, limit);
    }

    static GraphQLError downstreamCalls(long calls, long limit) {
        return error(MAX_DOWNSTREAM_CALLS_EXCEEDED, "The operation would make up to " + calls
                + " calls to the services behind this gateway, which allows at most " + limit + " per request; ask for fewer"
                + " ids or smaller pages, or fewer relations of list elements.", calls, limit);
    }

    static GraphQLError aliases(long aliases, long limit) {
        return error(MAX_ALIASES_EXCEEDED,
                "The operation uses " + aliases + " aliases; this gateway allows at most " + limit + ".", aliases, limit);
    }

    static GraphQLError introspection() {
        return error(INTROSPECTION_DISABLED, "Introspection (__schema, __type) is disabled on this gateway.", 0, 0);
    }

    private LimitExceeded() {
    }

    private static GraphQLError error(String code, String message, long actual, long limit) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (limit > 0) {
            extensions.put("actual", actual);
            extensions.put("limit", limit);
        }
        return GraphqlErrorBuilder.newError().message("%s", message).locations(null)
                .errorType(ErrorClassification.errorClassification(code)).extensions(extensions).build();
    }
}
