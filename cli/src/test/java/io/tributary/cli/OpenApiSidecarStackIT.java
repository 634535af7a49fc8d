package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.examples.enrollments.EnrollmentsApp;
import io.tributary.examples.instructors.InstructorsApp;
import io.tributary.gateway.Gateway;
import io.tributary.publisher.openapi.OpenApiSidecar;
import io.tributary.testkit.EmbeddedKafka;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stack twice on a real broker: the example courses, instructors and enrollments services published by
 * their embedded Micronaut publishers, then the same services as plain services in one server, published by the
 * OpenAPI sidecar from {@code io/tributary/examples/learning/openapi.yaml} (array {@code ids} in OpenAPI's default style, relations as
 * standard links). Each time an aggregator process folds the catalogs and a gateway serves the graph over HTTP. The
 * three example queries answer the same both times, with the same number of REST calls, as the gateway's own
 * {@code /prometheus} counts them.
 */
class OpenApiSidecarStackIT {
    private static final String TWENTY = IntStream.rangeClosed(1, 20).mapToObj(n -> "\\\"c-" + n + "\\\"").collect(Collectors.joining(", "));
    /** The three example queries, and the REST calls a client would make for each by hand. */
    private static final Map<String, Long> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("{ course(id: \\\"c-7\\\") { id title rating } }", 1L);
        QUERIES.put("{ courses(ids: [" + TWENTY + "]) { id title instructors { id fullName } } }", 2L);
        QUERIES.put("{ courses(ids: [" + TWENTY + "]) { id title instructors { id fullName } enrollments { learnerId status } } }", 22L);
    }

    /**
     * The graph is whole when Course has both relations: each is composed only once its target service is. The
     * micronaut services publish one by one, so the gateway serves a graph of courses alone first, for a few hundred
     * milliseconds; a query asked then is refused without a call. Introspection makes no REST call to count.
     */
    private static final String COURSE_FIELDS = "{ __type(name: \\\"Course\\\") { fields { name } } }";

    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;

    /** One query's answer as the gateway sent it, and the REST calls it made for it. */
    private record Answer(String body, long calls) {
    }

    @Test
    void shouldAnswerTheExampleQueriesThroughTheSidecarAsThroughTheMicronautPublishers() throws Exception {
        Topics embedded = new Topics("stack-micronaut");
        Topics sidecarTopics = new Topics("stack-openapi");
        TopicProvisioner.ensure(kafka.bootstrapServers(), embedded, (short) 1);
        TopicProvisioner.ensure(kafka.bootstrapServers(), sidecarTopics, (short) 1);
        List<Answer> micronaut;
        try (CoursesApp courses = CoursesApp.start(Variant.V2, 0, kafka.bootstrapServers(), embedded);
             InstructorsApp instructors = InstructorsApp.start(0, kafka.bootstrapServers(), embedded);
             EnrollmentsApp enrollments = EnrollmentsApp.start(0, kafka.bootstrapServers(), embedded)) {
            micronaut = answers(embedded);
        }
        List<Answer> openApi;
        try (ApplicationContext learning = plainServices();
             OpenApiSidecar sidecar = OpenApiSidecar.start(OpenApiSidecar.Settings.of(document().toString(), "learning",
                     learning.getBean(EmbeddedServer.class).getURI().toString(), kafka.bootstrapServers()).withTopics(sidecarTopics))) {
            openApi = answers(sidecarTopics);
        }

        assertThat(micronaut).as("calls per query; the answers were %s", micronaut).extracting(Answer::calls)
                .containsExactlyElementsOf(QUERIES.values());
        assertThat(micronaut).allSatisfy(answer -> assertThat(answer.body()).startsWith("{\"data\":").doesNotContain("\"errors\""));
        assertThat(openApi).isEqualTo(micronaut);
    }

    /** An aggregator and a gateway on these topics, each query asked once the graph is served. */
    private List<Answer> answers(Topics topics) throws Exception {
        try (Gateway gateway = Gateway.start(0, kafka.bootstrapServers(), topics,
                Map.of("tributary.gateway.serving.cache-dir", dir.resolve(topics.prefix() + "-cache").toString()))) {
            Process aggregator = aggregator(topics);
            try {
                await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(post(gateway.uri(), COURSE_FIELDS))
                        .contains("\"name\":\"instructors\"", "\"name\":\"enrollments\""));
                List<Answer> answers = new ArrayList<>();
                for (String query : QUERIES.keySet()) {
                    long before = calls(gateway.uri());
                    String body = post(gateway.uri(), query);
                    answers.add(new Answer(body, callsMade(gateway.uri(), before, QUERIES.get(query))));
                }
                return answers;
            } finally {
                aggregator.destroy();
                aggregator.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The three services' controllers in one server without an embedded publisher: services as they are. */
    private static ApplicationContext plainServices() {
        ApplicationContext context = ApplicationContext.builder()
                .environments(CoursesApp.ENVIRONMENT, InstructorsApp.ENVIRONMENT, EnrollmentsApp.ENVIRONMENT)
                .deduceEnvironment(false)
                .properties(Map.of("micronaut.server.port", 0, "micronaut.application.name", "learning",
                        CoursesApp.VARIANT_PROPERTY, Variant.V2.name(), "micronaut.metrics.enabled", false))
                .start();
        try {
            context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return context;
    }

    private Path document() throws Exception {
        Path file = dir.resolve("learning.yaml");
        try (InputStream in = CoursesApp.class.getResourceAsStream("/io/tributary/examples/learning/openapi.yaml")) {
            Files.copy(in, file);
        }
        return file;
    }

    private String post(URI gateway, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.resolve("/graphql")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * The calls a query made, as the gateway's meters count them: a call is counted when its future completes, which
     * may be just after the answer left, so the count is awaited up to what the query should make (more is seen too).
     */
    private long callsMade(URI gateway, long before, long expected) {
        long[] seen = {0};
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> (seen[0] = calls(gateway) - before) >= expected);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // fewer calls than expected: the comparison of the answers says so
        }
        return seen[0];
    }

    /** Every downstream call the gateway made so far, whatever its service and outcome. */
    private long calls(URI gateway) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.resolve("/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString()).body()
                .lines().filter(line -> line.startsWith("tributary_gateway_downstream_calls_seconds_count{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private Process aggregator(Topics topics) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-jar", Path.of("target", "tributary.jar").toString(), "aggregator", "--bootstrap", kafka.bootstrapServers(),
                "--topic-prefix", topics.prefix(), "--application-id", topics.prefix(), "--state-dir", dir.resolve(topics.prefix() + "-state").toString(),
                "--http-port", "0"));
        return new ProcessBuilder(command).redirectOutput(dir.resolve(topics.prefix() + "-aggregator.out").toFile())
                .redirectError(dir.resolve(topics.prefix() + "-aggregator.err").toFile()).start();
    }
}
