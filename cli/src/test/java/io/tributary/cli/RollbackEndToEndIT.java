package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.aggregator.SchemaAggregator;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.testkit.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The walking skeleton end to end on a real broker: a courses v2 instance publishes, the aggregator composes, the
 * gateway swaps the schema in and answers from the REST service; then a rollback to v1 takes the v2 field away.
 */
class RollbackEndToEndIT {
    private static final Logger LOG = LoggerFactory.getLogger(RollbackEndToEndIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V2_QUERY = "{ course(id: \"c-7\") { id title durationMinutes } }";
    private static final String V1_QUERY = "{ course(id: \"c-7\") { id title } }";

    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    private final Topics topics = new Topics("rollback-e2e");
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path stateDir;
    private SchemaAggregator aggregator;
    private Gateway gateway;

    @BeforeEach
    void startPlatform() {
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        aggregator = SchemaAggregator.start(SchemaAggregator.Config.builder(kafka.bootstrapServers())
                .applicationId("rollback-e2e-aggregator")
                .topics(topics)
                .stateDir(stateDir).build());
        gateway = Gateway.start(0, kafka.bootstrapServers(), topics);
    }

    @AfterEach
    void stopPlatform() {
        gateway.close();
        aggregator.close();
    }

    @Test
    void shouldServeTheV2FieldAndRejectItAfterARollbackToV1() throws Exception {
        Instant v2Started = Instant.now();
        try (CoursesApp v2 = CoursesApp.start(Variant.V2, 0, kafka.bootstrapServers(), topics)) {
            JsonNode answer = awaitAnswer(V2_QUERY, body -> body.path("data").path("course").has("durationMinutes"));
            assertThat(answer.path("errors").isMissingNode()).isTrue();
            assertThat(answer.at("/data/course/id").asText()).isEqualTo("c-7");
            assertThat(answer.at("/data/course/durationMinutes").asInt()).isEqualTo(60 * (1 + 7 % 12));
            logPublishToServing("v2 deploy", v2Started);
        }

        Instant v1Started = Instant.now();
        try (CoursesApp v1 = CoursesApp.start(Variant.V1, 0, kafka.bootstrapServers(), topics)) {
            JsonNode v1Answer = awaitAnswer(V1_QUERY, body -> body.at("/data/course/title").isTextual());
            assertThat(v1Answer.at("/data/course/title").asText()).isNotBlank();
            logPublishToServing("v1 rollback", v1Started);

            JsonNode rejected = post(V2_QUERY);
            assertThat(rejected.path("data").isMissingNode() || rejected.path("data").isNull()).isTrue();
            assertThat(rejected.at("/errors/0/message").asText())
                    .contains("durationMinutes")
                    .contains("Validation error");
            assertThat(gateway.current().orElseThrow().view().services()).singleElement()
                    .satisfies(s -> assertThat(s.instances()).singleElement()
                            .satisfies(i -> assertThat(i.serviceVersion()).isEqualTo("1.0.0")));
        }
    }

    private JsonNode awaitAnswer(String query, java.util.function.Predicate<JsonNode> answered) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            last[0] = post(query);
            return answered.test(last[0]);
        });
        return last[0];
    }

    private JsonNode post(String query) throws Exception {
        URI uri = gateway.uri().resolve("/graphql");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /**
     * Publish-to-serving: from the catalog event's timestamp (set by the publisher's producer, carried into the view
     * as composedAt) to the moment the gateway swapped the view in. Logged, not asserted: timings belong in benchmarks.
     */
    private void logPublishToServing(String step, Instant instanceStarted) {
        ExecutableGraph served = gateway.current().orElseThrow();
        LOG.info("{}: view {} served {} ms after its catalog event was published ({} ms after the instance began starting)",
                step, served.view().version(), Duration.between(served.view().composedAt(), served.appliedAt()).toMillis(),
                Duration.between(instanceStarted, served.appliedAt()).toMillis());
    }
}
