package io.tributary.aggregator.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.aggregator.AggregatorHttpApi;
import io.tributary.aggregator.SchemaAggregator;
import io.tributary.avro.CatalogJson;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.usage.ClientUsage;
import io.tributary.usage.Latency;
import io.tributary.usage.OperationSignature;
import io.tributary.usage.OperationUsage;
import io.tributary.usage.UsageReport;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's check ({@code POST /console/api/check}) on a real broker and aggregator: a proposed catalog is folded
 * onto the console's fold of the log and judged by the usage gateways reported, as {@code tributary check --json}
 * reports it; bad requests get a 4xx that says what is wrong, and the console keeps working after them.
 */
class ConsoleCheckIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DURATION = "query Duration{course(id:\"\"){durationMinutes id}}";
    private static final String REVIEWS_OPENAPI = """
            openapi: 3.0.3
            info: {title: Reviews, version: 1.0.0}
            paths:
              /reviews/{id}:
                get:
                  operationId: getReview
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: A review.
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Review'}
            components:
              schemas:
                Review:
                  type: object
                  required: [id, stars]
                  properties:
                    id: {type: string}
                    stars: {type: integer}
            """;
    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path stateDir;

    @Test
    void shouldReportTheOperationsAProposedCatalogBreaksWithTheirClientsAndRefuseBadDocuments() throws Exception {
        Topics topics = new Topics("console-check");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        var config = SchemaAggregator.Config.builder(kafka.bootstrapServers()).applicationId("console-check").topics(topics)
                .stateDir(stateDir).build();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
             SchemaAggregator aggregator = SchemaAggregator.start(config);
             AggregatorHttpApi api = AggregatorHttpApi.start(aggregator, 0)) {
            producer.send(new ProducerRecord<>(topics.catalog(), CourseCatalogs.v2("a").instanceKey(),
                    TributarySerdes.catalog().serializer().serialize(topics.catalog(), CourseCatalogs.v2("a")))).get();
            producer.send(new ProducerRecord<>(topics.usage(), "gw-1", TributarySerdes.usage().serializer().serialize(topics.usage(),
                    new UsageReport("gw-1", "default", Instant.now().minusSeconds(5), Instant.now(), List.of(new OperationUsage(
                            OperationSignature.sha256(DURATION), "Duration", DURATION, List.of("Course.durationMinutes", "Course.id"),
                            List.of(new ClientUsage("web", "2.1", 4, 0, Latency.empty())))), 0)))).get();
            String unchanged = catalog(CourseCatalogs.COURSE_V2);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode same = check(api, "courses", "catalog", unchanged);
                return same.path("viewVersion").asLong() == 1 && same.path("operationsSeen").asInt() == 1;
            });
            JsonNode same = check(api, "courses", "catalog", unchanged);
            assertThat(same.get("exitCode").asInt()).isZero();
            assertThat(same.get("summary").asText()).isEqualTo("Safe to deploy.");
            assertThat(same.get("usageKnown").asBoolean()).isTrue();

            JsonNode breaking = check(api, "courses", "catalog", catalog(CourseCatalogs.COURSE_V2.replaceAll(
                    ",\\s*\\{\"name\": \"durationMinutes\"[^}]*}", "")));
            assertThat(breaking.get("verdict").asText()).isEqualTo("BREAKING");
            assertThat(breaking.get("exitCode").asInt()).isEqualTo(1);
            assertThat(breaking.get("changes").findValuesAsText("coordinate")).contains("Course.durationMinutes");
            assertThat(breaking.at("/brokenOperations/0/name").asText()).isEqualTo("Duration");
            assertThat(breaking.at("/brokenOperations/0/clients/0/client").asText()).isEqualTo("web");
            assertThat(breaking.at("/brokenOperations/0/clients/0/count").asLong()).isEqualTo(4);
            assertThat(breaking.get("summary").asText()).contains("Duration (web@2.1 ×4)");

            JsonNode reviews = check(api, "reviews", "openapi", REVIEWS_OPENAPI);
            assertThat(reviews.get("verdict").asText()).as(reviews.toString()).isEqualTo("SAFE");
            assertThat(reviews.get("changes").findValuesAsText("coordinate")).containsExactly("Query.review");
            assertThat(reviews.get("mapping").asText()).contains("Mapped 1 resource");

            assertThat(refused(api, "{\"service\": \"courses\", \"kind\": \"catalog\"", 400)).startsWith("the request is not JSON");
            assertThat(refused(api, request("courses", "wsdl", "<definitions/>"), 400)).isEqualTo("kind is 'wsdl': give catalog or openapi");
            assertThat(refused(api, request("", "catalog", unchanged), 400)).contains("service is empty");
            assertThat(refused(api, request("courses", "catalog", "{\"not\": \"a catalog\"}"), 400))
                    .isEqualTo("the document is not a valid catalog: a catalog file is a JSON array of resources");
            assertThat(refused(api, request("Courses!", "catalog", unchanged), 400)).contains("service name must match");
            assertThat(refused(api, request("reviews", "openapi", REVIEWS_OPENAPI.replace("'#/components/schemas/Review'",
                    "'file:///etc/passwd'")), 400)).contains("file:///etc/passwd ($ref)", "self-contained");
            assertThat(refused(api, request("reviews", "openapi", "openapi: [unclosed"), 400)).startsWith("the document is neither JSON nor YAML");
            assertThat(refused(api, "{\"service\": \"courses\", \"kind\": \"catalog\", \"document\": \"" + "x".repeat(Console.MAX_CHECK_BYTES) + "\"}",
                    413)).contains("a check takes at most " + Console.MAX_CHECK_BYTES);
            assertThat(http.send(HttpRequest.newBuilder(api.consoleUri().resolve("api/check")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(405);
            JsonNode after = check(api, "courses", "catalog", unchanged);
            assertThat(after.get("exitCode").asInt()).as("bad documents broke nothing").isZero();
            assertThat(after.get("viewVersion").asLong()).as("checks fold onto a copy: the console's fold is as the log left it").isEqualTo(1);
            assertThat(after.get("changes")).isEmpty();
        }
    }

    private static String catalog(String courseModel) {
        return CatalogJson.resources(List.of(CourseCatalogs.courses(courseModel)));
    }

    private static String request(String service, String kind, String document) throws Exception {
        return JSON.writeValueAsString(Map.of("service", service, "kind", kind, "document", document));
    }

    private JsonNode check(AggregatorHttpApi api, String service, String kind, String document) throws Exception {
        HttpResponse<String> response = post(api, request(service, kind, document));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String refused(AggregatorHttpApi api, String body, int status) throws Exception {
        HttpResponse<String> response = post(api, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body()).get("message").asText();
    }

    private HttpResponse<String> post(AggregatorHttpApi api, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(api.consoleUri().resolve("api/check")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
