package io.tributary.gateway.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The gateway's OpenTelemetry tracing: a server span per GraphQL request (its parent the client's {@code traceparent},
 * if any), an internal span per field resolution batch, a client span per REST call, and the W3C trace context sent
 * on every call. {@link #OFF} makes nothing: each method checks once and returns, so a gateway that does not trace
 * pays no allocation per request.
 */
public final class Tracing implements AutoCloseable {
    /** No tracing. */
    public static final Tracing OFF = new Tracing(null, null);

    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("graphql.operation.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("graphql.operation.type");
    static final AttributeKey<String> OPERATION_HASH = AttributeKey.stringKey("tributary.operation.hash");
    static final AttributeKey<Long> VIEW_VERSION = AttributeKey.longKey("tributary.view.version");
    static final AttributeKey<String> GRAPH = AttributeKey.stringKey("tributary.graph");
    static final AttributeKey<Long> ERRORS = AttributeKey.longKey("graphql.errors");
    static final AttributeKey<String> LOADER = AttributeKey.stringKey("tributary.loader");
    static final AttributeKey<Long> KEYS = AttributeKey.longKey("tributary.batch.keys");
    static final AttributeKey<String> SERVICE = AttributeKey.stringKey("peer.service");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("url.template");
    static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<UnaryOperator<String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(UnaryOperator<String> carrier) {
            return Collections.emptyList();
        }

        @Override
        public String get(UnaryOperator<String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    };

    private final SdkTracerProvider provider;
    private final Tracer tracer;

    private Tracing(SdkTracerProvider provider, Tracer tracer) {
        this.provider = provider;
        this.tracer = tracer;
    }

    /** Tracing exported over OTLP/HTTP protobuf as the properties say, or {@link #OFF} when they do not enable it. */
    public static Tracing of(TracingProperties properties) {
        if (!properties.isEnabled()) {
            return OFF;
        }
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(properties.getEndpoint()).build();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"),
                        properties.getServiceName()))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(properties.getSamplingRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter)
                        .setScheduleDelay(properties.getExportInterval().toMillis(), TimeUnit.MILLISECONDS).build())
                .build();
        return new Tracing(provider, provider.get("io.tributary.gateway"));
    }

    public boolean enabled() {
        return tracer != null;
    }

    /** Now, in epoch nanoseconds, to date a request's span from its arrival; 0 when off. */
    public long now() {
        return tracer == null ? 0 : Clock.getDefault().now();
    }

    /**
     * Starts the span of one GraphQL request, a child of the trace context in the client's headers, and makes it
     * current on this thread (and in the log's MDC) until closed.
     *
     * @param arrived       when the request arrived, from {@link #now()}; the span starts then
     * @param hash          the document's hash; null when the request was refused before its document was known
     * @param graph         the graph served; null when none is
     */
    public RequestSpan request(UnaryOperator<String> headers, long arrived, String operationType, String operationName, String hash,
                               String graph, long viewVersion) {
        if (tracer == null) {
            return RequestSpan.NONE;
        }
        String name = operationName == null ? "GraphQL " + (operationType == null ? "operation" : operationType)
                : (operationType == null ? "operation" : operationType) + " " + operationName;
        var builder = tracer.spanBuilder(name).setSpanKind(SpanKind.SERVER)
                .setParent(W3C.extract(Context.root(), headers, HEADERS)).setStartTimestamp(arrived, TimeUnit.NANOSECONDS);
        if (hash != null) {
            builder.setAttribute(OPERATION_HASH, hash);
        }
        if (graph != null) {
            builder.setAttribute(GRAPH, graph).setAttribute(VIEW_VERSION, viewVersion);
        }
        if (operationName != null) {
            builder.setAttribute(OPERATION_NAME, operationName);
        }
        if (operationType != null) {
            builder.setAttribute(OPERATION_TYPE, operationType);
        }
        return new RequestSpan(builder.startSpan());
    }

    /** The trace context current on this thread, to parent the request's later spans; null when off. */
    public Context current() {
        return tracer == null ? null : Context.current();
    }

    /**
     * Runs the synchronous part of one field resolution batch in a span of its own, a child of the request's, and
     * ends the span when the batch completes; the REST calls the batch sends are its children.
     */
    public <T> CompletableFuture<T> batch(Context request, String loader, int keys, Supplier<? extends CompletionStage<T>> work) {
        if (tracer == null || request == null) {
            return work.get().toCompletableFuture();
        }
        Span span = tracer.spanBuilder(loader).setParent(request).setAttribute(LOADER, loader).setAttribute(KEYS, (long) keys).startSpan();
        CompletionStage<T> result;
        try (Scope ignored = span.makeCurrent()) {
            result = work.get();
        } catch (RuntimeException e) {
            span.recordException(e).setStatus(StatusCode.ERROR).end();
            throw e;
        }
        return result.whenComplete((value, failure) -> {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            }
            span.end();
        }).toCompletableFuture();
    }

    /**
     * The parent of a REST call sent now: the batch running on this thread, else the request's context; null when
     * off. To be called where the call is made, before it moves to another thread.
     */
    public Context parentOfCall(Context request) {
        if (tracer == null) {
            return null;
        }
        Context current = Context.current();
        return Span.fromContext(current).getSpanContext().isValid() || request == null ? current : request;
    }

    /**
     * Starts the client span of one REST call, a child of {@code parent}, named by its method and route template (the
     * catalog's path, not the URL); it writes its {@code traceparent} into {@code headers}. Null when off.
     */
    public DownstreamSpan downstream(Context parent, String service, String method, String route, java.net.URI uri,
                                     Map<String, String> headers) {
        if (tracer == null || parent == null) {
            return null;
        }
        Span span = tracer.spanBuilder(method + " " + route).setSpanKind(SpanKind.CLIENT).setParent(parent)
                .setAttribute(SERVICE, service).setAttribute(METHOD, method).setAttribute(ROUTE, route)
                .setAttribute(SERVER, uri.getHost()).setAttribute(PORT, (long) uri.getPort()).startSpan();
        Context context = parent.with(span);
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("traceparent") || name.equalsIgnoreCase("tracestate"));
        W3C.inject(context, headers, (carrier, key, value) -> carrier.put(key, value));
        return new DownstreamSpan(span, context);
    }

    /**
     * Where a REST call with this parent runs: on {@code threads}, with the parent current, so what the call's answer
     * sets off (the next page, the next level's batches) is traced under it. The threads themselves when off.
     */
    public Executor executor(Context parent, Executor threads) {
        return tracer == null || parent == null ? threads : parent.wrap(threads);
    }

    /** Exports what is left and stops. */
    @Override
    public void close() {
        if (provider != null) {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }
}
