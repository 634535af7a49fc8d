package io.tributary.cli.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients sending queries and mutations to every gateway, each on a virtual thread at a paced rate, until closed
 * (or a hard deadline passes). A request fails when it does not get a 200 whose data names the course asked for, or
 * when it carries any GraphQL error: the courses service is up throughout, so no domain error is expected.
 * A gateway can be taken out of rotation while it restarts, as a load balancer would.
 */
final class Traffic implements AutoCloseable {
    /** One failed request: when, through which gateway, and what came back. */
    record Failure(Instant at, String gateway, String what) {
    }

    private static final Duration HARD_DEADLINE = Duration.ofMinutes(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_FAILURES_KEPT = 1_000;
    private static final String QUERY = """
            {"query": "{ course(id: \\"c-3\\") { id title } courses(ids: [\\"c-1\\", \\"c-2\\"]) { id } }"}""";
    private static final String MUTATION = """
            {"query": "mutation { courseUpdateTitle(id: \\"c-3\\", title: \\"Chaos\\") { id title } }"}""";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<String> outOfRotation = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong mutations = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();

    /**
     * Starts {@code clientsPerGateway} clients on each gateway (every third one sends mutations, the others queries),
     * each waiting {@code pacing} between two requests.
     */
    Traffic(Map<String, URI> gateways, int clientsPerGateway, Duration pacing) {
        Instant deadline = Instant.now().plus(HARD_DEADLINE);
        gateways.forEach((name, uri) -> {
            for (int i = 0; i < clientsPerGateway; i++) {
                boolean mutation = i % 3 == 2;
                HttpRequest request = HttpRequest.newBuilder(uri.resolve("/graphql")).timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(mutation ? MUTATION : QUERY)).build();
                clients.submit(() -> run(name, request, mutation ? mutations : queries, pacing, deadline));
            }
        });
    }

    /** Stops sending to a gateway, e.g. while it restarts. */
    void takeOutOfRotation(String gateway) {
        outOfRotation.add(gateway);
    }

    void putBackInRotation(String gateway) {
        outOfRotation.remove(gateway);
    }

    long sent() {
        return sent.get();
    }

    long queries() {
        return queries.get();
    }

    long mutations() {
        return mutations.get();
    }

    long failed() {
        return failed.get();
    }

    /** The failures, the first {@value #MAX_FAILURES_KEPT} of them in detail. */
    List<Failure> failures() {
        return new ArrayList<>(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 15, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
    }

    private Void run(String gateway, HttpRequest request, AtomicLong kind, Duration pacing, Instant deadline) throws InterruptedException {
        while (running.get() && Instant.now().isBefore(deadline)) {
            if (!outOfRotation.contains(gateway)) {
                send(gateway, request, kind);
            }
            Thread.sleep(pacing);
        }
        return null;
    }

    private void send(String gateway, HttpRequest request, AtomicLong kind) throws InterruptedException {
        sent.incrementAndGet();
        kind.incrementAndGet();
        String problem;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            problem = problem(response);
        } catch (java.io.IOException e) {
            problem = "transport: " + e;
        }
        if (problem != null) {
            failed.incrementAndGet();
            if (failures.size() < MAX_FAILURES_KEPT) {
                failures.add(new Failure(Instant.now(), gateway, problem));
            }
        }
    }

    private static String problem(HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode() + ": " + abbreviate(body);
        }
        if (body.contains("\"errors\"") || !body.contains("\"c-3\"")) {
            return "GraphQL: " + abbreviate(body);
        }
        return null;
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
