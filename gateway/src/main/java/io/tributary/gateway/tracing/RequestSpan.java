package io.tributary.gateway.tracing;

import graphql.GraphQLError;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.List;
import org.slf4j.MDC;

/**
 * The span of one GraphQL request while it runs: current on the request's thread, its ids in the log's MDC
 * ({@code trace_id}, {@code span_id}), ended by {@link #close()}. {@link #NONE} when tracing is off.
 */
public final class RequestSpan implements AutoCloseable {
    /** No span: what every request gets while tracing is off. */
    public static final RequestSpan NONE = new RequestSpan();

    private final Span span;
    private final Scope scope;

    private RequestSpan() {
        this.span = null;
        this.scope = null;
    }

    RequestSpan(Span span) {
        this.span = span;
        this.scope = span.makeCurrent();
        MDC.put("trace_id", span.getSpanContext().getTraceId());
        MDC.put("span_id", span.getSpanContext().getSpanId());
    }

    /**
     * Records the GraphQL errors the response carries; any error marks the span as failed, with the first error's
     * code ({@code MAX_DEPTH_EXCEEDED} and the other limits) or else classification ({@code InvalidSyntax},
     * {@code ValidationError}, {@code DataFetchingException}) as {@code error.type}, and its message as the status
     * description: a request refused for its document says why in its trace.
     */
    public void errors(List<GraphQLError> errors) {
        if (span != null && !errors.isEmpty()) {
            GraphQLError first = errors.getFirst();
            span.setAttribute(Tracing.ERRORS, (long) errors.size()).setAttribute(Tracing.ERROR_TYPE, errorType(first))
                    .setStatus(StatusCode.ERROR, first.getMessage());
        }
    }

    private static String errorType(GraphQLError error) {
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (code != null) {
            return code.toString();
        }
        return error.getErrorType() == null ? "GraphQLError" : String.valueOf(error.getErrorType().toSpecification(error));
    }

    /**
     * Marks the request as refused before it executed, or failed outside execution: the error code the client got as
     * {@code error.type}, the HTTP status, and the reason as the status description.
     */
    public void failed(String errorType, int httpStatus, String reason) {
        if (span != null) {
            span.setAttribute(Tracing.ERROR_TYPE, errorType).setAttribute(Tracing.STATUS, (long) httpStatus)
                    .setStatus(StatusCode.ERROR, reason);
        }
    }

    @Override
    public void close() {
        if (span != null) {
            scope.close();
            MDC.remove("trace_id");
            MDC.remove("span_id");
            span.end();
        }
    }
}
