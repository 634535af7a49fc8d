package io.tributary.gateway.rest.fetch;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.tributary.text.Printable;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what went wrong while resolving a field into a GraphQL error at the field's path: downstream failures and
 * bad arguments keep their message and extensions; anything else is logged and reported as a gateway error that says
 * which field, and nothing of the exception (which may quote URLs or configuration).
 */
final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /** The failure itself, without the wrappers futures add. */
    static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The field's answer: {@code data} (null, or the empty value of its type) with the error at its path. */
    static DataFetcherResult<Object> result(DataFetchingEnvironment env, Object data, Throwable failure) {
        return DataFetcherResult.newResult().data(data).error(error(env, cause(failure))).build();
    }

    private static GraphQLError error(DataFetchingEnvironment env, Throwable cause) {
        if (cause instanceof GraphQLError known) {
            return GraphqlErrorBuilder.newError(env).message("%s", known.getMessage()).errorType(known.getErrorType())
                    .extensions(known.getExtensions()).build();
        }
        String coordinate = env.getParentType() instanceof graphql.schema.GraphQLNamedType parent
                ? parent.getName() + "." + env.getField().getName() : env.getField().getName();
        LOG.warn("Could not resolve {}", Printable.of(coordinate), cause);
        return GraphqlErrorBuilder.newError(env).message("%s", "The gateway could not resolve " + coordinate)
                .extensions(Map.of("code", "GATEWAY_ERROR")).build();
    }
}
