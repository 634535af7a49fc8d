package io.tributary.gateway.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
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

    /** Records how many GraphQL errors the response carries; any error marks the span as failed. */
    public void errors(int count) {
        if (span != null && count > 0) {
            span.setAttribute(Tracing.ERRORS, (long) count).setStatus(StatusCode.ERROR);
        }
    }

    /** Marks the request as refused or failed before or outside execution. */
    public void failed(String errorType) {
        if (span != null) {
            span.setAttribute(Tracing.ERROR_TYPE, errorType).setStatus(StatusCode.ERROR);
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
