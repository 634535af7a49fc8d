package io.tributary.gateway.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.slf4j.MDC;

/**
 * The client span of one REST call while it is under way on the calling thread: current there, with its ids in the
 * log's MDC, until {@link #close()} ends it with the status the service answered or the failure that stopped it.
 */
public final class DownstreamSpan implements AutoCloseable {
    private final Span span;
    private final Scope scope;
    private boolean answered;

    DownstreamSpan(Span span, Context context) {
        this.span = span;
        this.scope = context.makeCurrent();
        MDC.put("trace_id", span.getSpanContext().getTraceId());
        MDC.put("span_id", span.getSpanContext().getSpanId());
    }

    /** The service's status; a status the gateway treats as a failure (not 2xx or 404) marks the span failed. */
    public void status(int status) {
        answered = true;
        span.setAttribute(Tracing.STATUS, (long) status);
        if (status / 100 != 2 && status != 404) {
            span.setAttribute(Tracing.ERROR_TYPE, Integer.toString(status)).setStatus(StatusCode.ERROR);
        }
    }

    /**
     * The call failed: without an answer (timeout, unreachable, busy), or with one it could not use; an error status
     * already recorded stays the span's error type.
     */
    public void failed(String errorType, Throwable failure) {
        if (!answered) {
            span.setAttribute(Tracing.ERROR_TYPE, errorType);
        }
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
    }

    @Override
    public void close() {
        scope.close();
        MDC.remove("trace_id");
        MDC.remove("span_id");
        span.end();
    }
}
