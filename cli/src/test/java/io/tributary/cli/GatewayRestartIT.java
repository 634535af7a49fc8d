package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.aggregator.SchemaAggregator;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.gateway.Gateway;
import io.tributary.testkit.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway restarted while Kafka is down serves the last view it had, from its disk cache. */
class GatewayRestartIT {
    private static final String QUERY = "{\"query\": \"{ course(id: \\\"c-4\\\") { id title } }\"}";
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;

    @Test
    void shouldServeTheCachedViewWhenRestartedWhileKafkaIsDown() throws Exception {
        Topics topics = new Topics("gateway-restart");
        Map<String, Object> cache = Map.of("tributary.gateway.serving.cache-dir", dir.resolve("cache").toString());
        try (CoursesApp courses = startCoursesAndServeOnce(topics, cache)) {
            try (Gateway restarted = Gateway.start(0, "localhost:1", topics, cache)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(post(restarted.uri())).contains("\"id\":\"c-4\"", "\"title\""));
            }
        }
    }

    /** Runs broker, aggregator, gateway and courses until the gateway serves, then stops all but courses. */
    private CoursesApp startCoursesAndServeOnce(Topics topics, Map<String, Object> cache) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
            try (SchemaAggregator aggregator = SchemaAggregator.start(SchemaAggregator.Config.builder(kafka.bootstrapServers())
                    .applicationId("gateway-restart").topics(topics).stateDir(dir.resolve("state")).build());
                 Gateway gateway = Gateway.start(0, kafka.bootstrapServers(), topics, cache)) {
                CoursesApp courses = CoursesApp.start(Variant.V1, 0, kafka.bootstrapServers(), topics);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(post(gateway.uri())).contains("\"id\":\"c-4\""));
                return courses;
            }
        }
    }

    private String post(URI gateway) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.resolve("/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(QUERY)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
