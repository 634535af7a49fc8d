package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.aggregator.SchemaAggregator;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.examples.instructors.InstructorsApp;
import io.tributary.gateway.Gateway;
import io.tributary.testkit.EmbeddedKafka;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructors example writes Java properties under other JSON names ({@code displayName} as {@code fullName},
 * {@code jobTitle} as {@code title}) and never writes {@code internalNotes}; on a real broker, through the
 * aggregator and a gateway, the graph has the JSON's fields and they answer with the service's data.
 */
class RenamedPropertiesEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path stateDir;
    private static SchemaAggregator aggregator;
    private static Gateway gateway;
    private static InstructorsApp instructors;

    @BeforeAll
    static void start() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = new Topics("renamed-properties-e2e");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        aggregator = SchemaAggregator.start(SchemaAggregator.Config.builder(kafka.bootstrapServers())
                .applicationId("renamed-properties-e2e-aggregator")
                .topics(topics)
                .stateDir(stateDir)
                .build());
        gateway = Gateway.start(0, kafka.bootstrapServers(), topics);
        instructors = InstructorsApp.start(0, kafka.bootstrapServers(), topics);
    }

    @AfterAll
    static void stop() {
        instructors.close();
        gateway.close();
        aggregator.close();
    }

    @Test
    void shouldAnswerTheRenamedFieldsWithTheServicesData() throws Exception {
        JsonNode answer = awaitAnswer("""
                { instructor(id: "i-3") { id fullName title department joinedOn }
                  instructors(ids: ["i-2", "i-4"]) { id fullName title } }""");

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        assertThat(answer.path("data")).isEqualTo(JSON.readTree("""
                {"instructor": {"id": "i-3", "fullName": "Daniel Okafor", "title": "Lecturer",
                                "department": "Communication", "joinedOn": "2016-06-30"},
                 "instructors": [{"id": "i-2", "fullName": "Chiara Saeta", "title": "Associate Professor"},
                                 {"id": "i-4", "fullName": "Esther Kane", "title": null}]}"""));
    }

    @Test
    void shouldHaveNeitherTheIgnoredPropertyNorTheJavaNamesInTheGraph() throws Exception {
        awaitAnswer("{ instructor(id: \"i-1\") { id } }");
        String sdl = gateway.current().orElseThrow().view().sdl();
        String instructorType = sdl.substring(sdl.indexOf("type Instructor {"), sdl.indexOf("}", sdl.indexOf("type Instructor {")));

        assertThat(instructorType).contains("fullName: String!", "title: String", "joinedOn: Date!")
                .doesNotContain("internalNotes", "displayName", "jobTitle");
        assertThat(post("{ instructor(id: \"i-1\") { internalNotes } }").at("/errors/0/message").asText())
                .contains("internalNotes", "Validation error");
    }

    /** The answer to {@code query} once the gateway serves the instructors' graph. */
    private static JsonNode awaitAnswer(String query) throws Exception {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = post(query);
            return last[0].path("data").isObject();
        });
        return last[0];
    }

    private static JsonNode post(String query) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gateway.uri().resolve("/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
