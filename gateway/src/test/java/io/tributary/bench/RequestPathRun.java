package io.tributary.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Benchmark 3, the request path: three queries (1, 2 and 22 REST calls) sent through a gateway in its own process,
 * and the same REST calls sent to the services directly as the baseline, in the same run. For each it prints
 * requests/s, p50 and p99 latency, and for the gateway its CPU time per request (process CPU time over the measured
 * phase / requests) and its resident memory. Prints figures; asserts only that every request was answered.
 */
final class RequestPathRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TWENTY = IntStream.rangeClosed(1, 20).mapToObj(i -> "c-" + i).toList();
    private static final String IDS = String.join(",", TWENTY);
    private static final String IDS_ARGUMENT = String.join(", ", TWENTY.stream().map(id -> '"' + id + '"').toList());

    /** One of the three queries: its GraphQL document and the REST calls a client would make for it directly. */
    private record Query(String name, int restCalls, String graphql) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query("one course by id", 1, "{ course(id: \"c-7\") { id title rating } }"),
            new Query("20 courses + instructors", 2, "{ courses(ids: [" + IDS_ARGUMENT + "]) { id title instructors { id fullName } } }"),
            new Query("20 courses + instructors + enrollments", 22,
                    "{ courses(ids: [" + IDS_ARGUMENT + "]) { id title instructors { id fullName } enrollments { learnerId status } } }"));

    /** How hard and how long to load: connections, warm-up and measured time per query and target. */
    record Settings(int connections, Duration warmUp, Duration measured, long maxRequestsPerConnection) {
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    RequestPathRun(Settings settings) {
        this.settings = settings;
    }

    /** Runs every query against the baseline and the gateway; answers the failures seen (none expected). */
    long run(Path workDir) throws Exception {
        Files.createDirectories(workDir);
        long failures = 0;
        try (ExampleStack stack = new ExampleStack();
             ForkedGateway gateway = ForkedGateway.start(stack.bootstrap, stack.topics.prefix(), workDir)) {
            awaitServing(gateway);
            System.out.printf("request path, %d connections, %s warm-up + %s measured per row; gateway pid %d with %s%n",
                    settings.connections(), settings.warmUp(), settings.measured(), gateway.pid(), String.join(" ", gateway.flags));
            System.out.printf("load average before: %s%n", loadAverage());
            System.out.printf("| query | target | requests/s | p50 ms | p99 ms | gateway CPU ms/request (of which JIT) | gateway RSS MB (peak) |%n");
            System.out.printf("|---|---|---|---|---|---|---|%n");
            LoadLoop load = new LoadLoop(settings.connections(), settings.maxRequestsPerConnection());
            for (Query query : selected()) {
                LoadLoop.Request direct = () -> direct(stack, query);
                load.run(direct, settings.warmUp());
                LoadLoop.Result baseline = load.run(direct, settings.measured());
                print(query, "REST directly", baseline, "-", "-");
                LoadLoop.Request graphql = graphql(gateway.uri(), query);
                load.run(graphql, settings.warmUp());
                Optional<Path> recording = record(gateway, workDir, query);
                Duration cpuBefore = gateway.cpu();
                Map<Long, Duration> compilerBefore = gateway.compilerCpu();
                LoadLoop.Result through = load.run(graphql, settings.measured());
                Duration cpu = gateway.cpu().minus(cpuBefore);
                Duration compiler = ForkedGateway.compilerCpuBetween(compilerBefore, gateway.compilerCpu());
                if (recording.isPresent()) {
                    gateway.stopRecording();
                }
                double cpuPerRequest = (cpu.toNanos() / 1e6) / Math.max(1, through.requests());
                print(query, "gateway", through, "%.3f (JIT %.3f)".formatted(cpuPerRequest,
                                (compiler.toNanos() / 1e6) / Math.max(1, through.requests())),
                        "%d (%d)".formatted(gateway.residentMegabytes("VmRSS"), gateway.residentMegabytes("VmHWM")));
                failures += baseline.failures() + through.failures();
            }
            System.out.printf("load average after: %s%n", loadAverage());
        }
        return failures;
    }

    /** With {@code -Dbench.jfr=true}, a JFR recording of the gateway during the query's measured phase, in the work directory. */
    private static Optional<Path> record(ForkedGateway gateway, Path workDir, Query query) throws Exception {
        if (!Boolean.getBoolean("bench.jfr")) {
            return Optional.empty();
        }
        Path file = workDir.resolve("q" + (QUERIES.indexOf(query) + 1) + ".jfr");
        gateway.startRecording(file);
        return Optional.of(file);
    }

    /** The queries named by number in {@code bench.queries} (such as {@code 1,3}, to profile one), or all three. */
    private static List<Query> selected() {
        String wanted = System.getProperty("bench.queries", "1,2,3");
        return Arrays.stream(wanted.split(",")).map(n -> QUERIES.get(Integer.parseInt(n.trim()) - 1)).toList();
    }

    private void print(Query query, String target, LoadLoop.Result result, String cpu, String rss) {
        System.out.printf("| %s (%d call%s) | %s | %.0f | %.2f | %.2f | %s | %s |%s%n", query.name(), query.restCalls(),
                query.restCalls() == 1 ? "" : "s", target, result.perSecond(), result.p50Millis(), result.p99Millis(), cpu, rss,
                result.failures() == 0 ? "" : " %d failed, first: %.300s".formatted(result.failures(), result.firstFailure()));
    }

    private LoadLoop.Request graphql(URI gateway, Query query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("query", query.graphql())))).build();
        return () -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        };
    }

    /** The calls the gateway makes for the query, made directly: the courses, then instructors and enrollments at once. */
    private void direct(ExampleStack stack, Query query) throws Exception {
        if (query.restCalls() == 1) {
            get(stack.rest("courses", "/courses/c-7"));
            return;
        }
        JsonNode courses = JSON.readTree(get(stack.rest("courses", "/courses?ids=" + IDS)));
        Set<String> instructorIds = new LinkedHashSet<>();
        courses.path("elements").forEach(course -> course.path("instructorIds").forEach(id -> instructorIds.add(id.asText())));
        List<CompletableFuture<String>> rest = new ArrayList<>();
        rest.add(getAsync(stack.rest("instructors", "/instructors?ids=" + String.join(",", instructorIds))));
        if (query.restCalls() > 2) {
            TWENTY.forEach(id -> rest.add(getAsync(stack.rest("enrollments", "/enrollments/byCourseId?courseId=" + id))));
        }
        for (CompletableFuture<String> call : rest) {
            JSON.readTree(call.join());
        }
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        return ok(uri, response);
    }

    private CompletableFuture<String> getAsync(URI uri) {
        return http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> ok(uri, r));
    }

    private static String ok(URI uri, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    private void awaitServing(ForkedGateway gateway) throws Exception {
        LoadLoop.Request first = graphql(gateway.uri(), QUERIES.getFirst());
        await().atMost(Duration.ofSeconds(90)).failFast("the gateway process exited; see its log", () -> !gateway.alive())
                .ignoreExceptions().until(() -> {
                    first.send();
                    return true;
                });
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
