package io.tributary.gateway.rest.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.context.Context;
import io.tributary.gateway.GatewayJson;
import io.tributary.gateway.request.HeaderForwarding;
import io.tributary.gateway.tracing.DownstreamSpan;
import io.tributary.gateway.tracing.Tracing;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Sends REST calls to the services over pooled HTTP/1.1 keep-alive connections ({@link Http1Client}), each on a
 * virtual thread of its own, within its service's timeout and concurrency limit, and reads each JSON answer once into
 * plain maps and lists that the fields resolve from. A 2xx or 404 is an answer; any other status, a timeout, an
 * unreachable service or a full concurrency limit is a {@link DownstreamException}. Every call is timed in
 * {@code tributary.gateway.downstream.calls}, tagged with its service and outcome, and, when the gateway traces, is a
 * client span under the parent it is sent with, whose {@code traceparent} the service receives.
 */
public final class RestClient implements AutoCloseable {
    /** The Micrometer timer of every downstream call, tagged {@code service} and {@code outcome}. */
    public static final String CALLS_METER = "tributary.gateway.downstream.calls";

    /** Headers the client sets itself, or that would change how the request is framed; never forwarded. */
    private static final Set<String> RESTRICTED = Set.of("accept", "connection", "content-length", "content-type", "expect", "host",
            "transfer-encoding", "upgrade");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final RestSettings settings;
    private final MeterRegistry meters;
    private final HeaderForwarding forwarding;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Http1Client http;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Tracing tracing;

    public RestClient(RestSettings settings, MeterRegistry meters) {
        this(settings, meters, HeaderForwarding.EVERYWHERE, Tracing.OFF);
    }

    /** A client that sends each service only the forwarded headers {@code forwarding} gives it. */
    public RestClient(RestSettings settings, MeterRegistry meters, HeaderForwarding forwarding) {
        this(settings, meters, forwarding, Tracing.OFF);
    }

    /** A client that sends each service the forwarded headers {@code forwarding} gives it, its calls traced by {@code tracing}. */
    public RestClient(RestSettings settings, MeterRegistry meters, HeaderForwarding forwarding, Tracing tracing) {
        this.settings = settings;
        this.meters = meters;
        this.forwarding = forwarding;
        this.tracing = tracing;
        this.http = new Http1Client(settings.timeout().compareTo(Duration.ofSeconds(2)) < 0 ? settings.timeout() : Duration.ofSeconds(2),
                settings.maxConcurrentCalls());
    }

    /** A client with default settings and this timeout, recording metrics in a registry of its own. */
    public RestClient(Duration timeout) {
        this(RestSettings.defaults().withTimeout(timeout), new SimpleMeterRegistry());
    }

    public RestSettings settings() {
        return settings;
    }

    public Tracing tracing() {
        return tracing;
    }

    /** Sends the call with these headers; completes with the answer or fails with a {@link DownstreamException}. */
    public CompletableFuture<RestResponse> send(RestCall call, Map<String, String> headers) {
        return send(call, headers, null);
    }

    /**
     * Sends the call as {@link #send(RestCall, Map)} does, traced as a child of {@code parent} (null: untraced); what
     * its answer sets off runs with the parent current.
     */
    public CompletableFuture<RestResponse> send(RestCall call, Map<String, String> headers, Context parent) {
        if (parent == null) {
            return CompletableFuture.supplyAsync(() -> exchange(call, sendable(call, headers), null), threads);
        }
        return CompletableFuture.supplyAsync(() -> traced(call, headers, parent), tracing.executor(parent, threads));
    }

    private RestResponse traced(RestCall call, Map<String, String> headers, Context parent) {
        Map<String, String> sendable = sendable(call, headers);
        DownstreamSpan span = tracing.downstream(parent, call.service(), call.method(), call.route(), call.uri(), sendable);
        if (span == null) {
            return exchange(call, sendable, null);
        }
        try (span) {
            return exchange(call, sendable, span);
        } catch (DownstreamException e) {
            span.failed(e.code().name(), e);
            throw e;
        }
    }

    private RestResponse exchange(RestCall call, Map<String, String> sendable, DownstreamSpan span) {
        Semaphore slot = slots.computeIfAbsent(call.service(), s -> new Semaphore(settings.maxConcurrentCalls()));
        long started = System.nanoTime();
        if (!acquire(slot)) {
            record(call.service(), "rejected", started);
            throw DownstreamException.busy(call.service(), settings.maxConcurrentCalls(), settings.concurrencyWait());
        }
        String outcome = "unavailable";
        try {
            Http1Connection.Response response = http.send(call.method(), call.origin(), call.target(), sendable, call.body(), call.contentType(),
                    settings.timeoutFor(call.service()));
            int status = response.status();
            if (span != null) {
                span.status(status);
            }
            outcome = outcome(status);
            if (status / 100 != 2 && status != 404) {
                throw DownstreamException.status(call.service(), call.method(), call.uri(), status, detail(response.body()));
            }
            try {
                return new RestResponse(status, parse(call, status, response.body()));
            } catch (DownstreamException e) {
                outcome = "invalid_response";
                throw e;
            }
        } catch (SocketTimeoutException e) {
            outcome = "timeout";
            throw DownstreamException.timeout(call.service(), call.method(), call.uri(), settings.timeoutFor(call.service()));
        } catch (IOException e) {
            throw DownstreamException.unreachable(call.service(), call.method(), call.uri(), e);
        } finally {
            slot.release();
            record(call.service(), outcome, started);
        }
    }

    private boolean acquire(Semaphore slot) {
        if (slot.tryAcquire()) {
            return true;
        }
        try {
            return slot.tryAcquire(settings.concurrencyWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The forwarded headers and the call's parameter headers (which win over a forwarded one of the same name) the
     * client may send: none it sets itself, none that could split the request.
     */
    /** The forwarded headers the call's service gets, with the call's own header parameters. */
    private Map<String, String> sendable(RestCall call, Map<String, String> headers) {
        return sendable(forwarding.to(call.service(), headers), call.headers());
    }

    private static Map<String, String> sendable(Map<String, String> forwarded, Map<String, String> parameters) {
        Map<String, String> sendable = new LinkedHashMap<>();
        forwarded.forEach((name, value) -> {
            if (parameters.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                put(sendable, name, value);
            }
        });
        parameters.forEach((name, value) -> put(sendable, name, value));
        return sendable;
    }

    private static void put(Map<String, String> sendable, String name, String value) {
        if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && TOKEN.matcher(name).matches() && value.indexOf('\r') < 0
                && value.indexOf('\n') < 0 && value.indexOf(0) < 0) {
            sendable.put(name, value);
        }
    }

    private static Object parse(RestCall call, int status, byte[] body) {
        if (body.length == 0 || status == 404 || status == 204) {
            return null;
        }
        try {
            return GatewayJson.MAPPER.readValue(body, Object.class);
        } catch (IOException e) {
            throw DownstreamException.invalidResponse(call.service(), call.method(), call.uri(), status,
                    "a body that is not JSON: " + e.getMessage());
        }
    }

    /** The service's own {@code message}, if its error body has one, shortened. */
    private static String detail(byte[] body) {
        try {
            if (GatewayJson.MAPPER.readValue(body, Object.class) instanceof Map<?, ?> error && error.get("message") instanceof String message) {
                return message.length() > 200 ? message.substring(0, 200) + "…" : message;
            }
        } catch (IOException | RuntimeException e) {
            // no JSON message to show
        }
        return "";
    }

    private static String outcome(int status) {
        if (status / 100 == 2) {
            return "success";
        }
        if (status == 404) {
            return "not_found";
        }
        return status / 100 == 4 ? "client_error" : "server_error";
    }

    private void record(String service, String outcome, long started) {
        timers.computeIfAbsent(service + '\n' + outcome, k -> Timer.builder(CALLS_METER)
                        .description("REST calls from the gateway to the services")
                        .tag("service", service).tag("outcome", outcome)
                        .register(meters))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        http.close();
        threads.shutdownNow();
    }
}
