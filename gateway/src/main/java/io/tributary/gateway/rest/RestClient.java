package io.tributary.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends REST calls to the services, each on a virtual thread of its own, within its service's timeout and
 * concurrency limit, and reads each JSON answer once into plain maps and lists that the fields resolve from. A 2xx or
 * 404 is an answer; any other status, a timeout, an unreachable service or a full concurrency limit is a
 * {@link DownstreamException}. Every call is timed in {@code tributary.gateway.downstream.calls}, tagged with its
 * service and outcome.
 */
public final class RestClient implements AutoCloseable {
    /** The Micrometer timer of every downstream call, tagged {@code service} and {@code outcome}. */
    public static final String CALLS_METER = "tributary.gateway.downstream.calls";

    static final ObjectMapper JSON = new ObjectMapper();
    /** Headers the JDK client sets itself and refuses from callers; never forwarded. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final RestSettings settings;
    private final MeterRegistry meters;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public RestClient(RestSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout().compareTo(Duration.ofSeconds(2)) < 0 ? settings.timeout() : Duration.ofSeconds(2))
                .executor(threads)
                .build();
    }

    /** A client with default settings and this timeout, recording metrics in a registry of its own. */
    public RestClient(Duration timeout) {
        this(RestSettings.defaults().withTimeout(timeout), new SimpleMeterRegistry());
    }

    public RestSettings settings() {
        return settings;
    }

    /** Sends the call with these headers; completes with the answer or fails with a {@link DownstreamException}. */
    CompletableFuture<RestResponse> send(RestCall call, Map<String, String> headers) {
        return CompletableFuture.supplyAsync(() -> exchange(call, headers), threads);
    }

    private RestResponse exchange(RestCall call, Map<String, String> headers) {
        Semaphore slot = slots.computeIfAbsent(call.service(), s -> new Semaphore(settings.maxConcurrentCalls()));
        long started = System.nanoTime();
        if (!acquire(slot)) {
            record(call.service(), "rejected", started);
            throw DownstreamException.busy(call.service(), settings.maxConcurrentCalls(), settings.concurrencyWait());
        }
        String outcome = "unavailable";
        try {
            HttpResponse<byte[]> response = http.send(request(call, headers), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
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
        } catch (HttpTimeoutException e) {
            outcome = "timeout";
            throw DownstreamException.timeout(call.service(), call.method(), call.uri(), settings.timeoutFor(call.service()));
        } catch (IOException e) {
            throw DownstreamException.unreachable(call.service(), call.method(), call.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private HttpRequest request(RestCall call, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(settings.timeoutFor(call.service()))
                .header("Accept", "application/json");
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        }
        return request.build();
    }

    private static Object parse(RestCall call, int status, byte[] body) {
        if (body.length == 0 || status == 404 || status == 204) {
            return null;
        }
        try {
            return JSON.readValue(body, Object.class);
        } catch (IOException e) {
            throw DownstreamException.invalidResponse(call.service(), call.method(), call.uri(), status,
                    "a body that is not JSON: " + e.getMessage());
        }
    }

    /** The service's own {@code message}, if its error body has one, shortened. */
    private static String detail(byte[] body) {
        try {
            if (JSON.readValue(body, Object.class) instanceof Map<?, ?> error && error.get("message") instanceof String message) {
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
        http.shutdownNow();
        threads.shutdownNow();
    }
}
