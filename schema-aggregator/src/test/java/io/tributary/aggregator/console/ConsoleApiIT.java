package io.tributary.aggregator.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.aggregator.AggregatorHttpApi;
import io.tributary.aggregator.SchemaAggregator;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import io.tributary.status.GatewayStatus;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.usage.ClientUsage;
import io.tributary.usage.Latency;
import io.tributary.usage.OperationSignature;
import io.tributary.usage.OperationUsage;
import io.tributary.usage.UsageReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's API and event stream on a real broker, without a browser (the browser tests, which need Chromium,
 * are in the cli module): what each page reads, that the stream announces what the topics bring, that the page's
 * assets come from the jar and name no other host, and that bad requests get clear errors.
 */
class ConsoleApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path stateDir;

    @Test
    void shouldServeEveryPageFromTheTopicsAndAnnounceChangesOnTheStream() throws Exception {
        Topics topics = new Topics("console-api");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        var config = SchemaAggregator.Config.builder(kafka.bootstrapServers()).applicationId("console-api").topics(topics)
                .stateDir(stateDir).build();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
             SchemaAggregator aggregator = SchemaAggregator.start(config);
             AggregatorHttpApi api = AggregatorHttpApi.start(aggregator, 0)) {
            List<String> stream = new CopyOnWriteArrayList<>();
            http.sendAsync(HttpRequest.newBuilder(api.consoleUri().resolve("events")).build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(stream::add));
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.contains(": connected"));

            publish(producer, topics, CourseCatalogs.v2("a"));
            await().atMost(Duration.ofSeconds(60)).until(() -> stream.contains("event: views") && stream.contains("event: instances"));
            JsonNode services = get(api, "api/services");
            assertThat(services.at("/services/0/service").asText()).isEqualTo("courses");
            assertThat(services.at("/services/0/instances/0/version").asText()).isEqualTo("2.0.0");
            assertThat(services.at("/services/0/instances/0/state").asText()).isEqualTo("live");
            assertThat(services.at("/services/0/instances/0/leaseMillis").asLong()).isPositive();

            String document = "query Duration{course(id:\"\"){durationMinutes id}}";
            producer.send(new ProducerRecord<>(topics.usage(), "gw-1", TributarySerdes.usage().serializer().serialize(topics.usage(),
                    new UsageReport("gw-1", "default", Instant.now().minusSeconds(5), Instant.now(), List.of(new OperationUsage(
                            OperationSignature.sha256(document), "Duration", document,
                            List.of("Course.durationMinutes", "Course.id", "Query.course", "Query.course(id:)"),
                            List.of(new ClientUsage("web", "2.1", 4, 1, Latency.empty())))), 0)))).get();
            await().atMost(Duration.ofSeconds(60)).until(() -> stream.contains("event: usage"));
            JsonNode usage = get(api, "api/usage");
            assertThat(usage.at("/operations/0/name").asText()).isEqualTo("Duration");
            assertThat(usage.at("/operations/0/clients/0/client").asText()).isEqualTo("web");
            assertThat(usage.get("fields").findValuesAsText("coordinate")).contains("Course.durationMinutes").doesNotContain("Query.course(id:)");
            assertThat(usage.at("/clients/0/count").asLong()).isEqualTo(4);
            assertThat(JSON.convertValue(usage.get("unused"), List.class)).contains("Course.title").doesNotContain("Course.durationMinutes");

            publish(producer, topics, CourseCatalogs.v1("b"));
            producer.send(new ProducerRecord<>(topics.curation(), "hide-subtitle", TributarySerdes.curation().serializer()
                    .serialize(topics.curation(), new CurationRule.Hide("hide-subtitle", "Course.subtitle")))).get();
            producer.send(new ProducerRecord<>(topics.catalog(), "courses/forged", "no catalog".getBytes(StandardCharsets.UTF_8))).get();
            // Another graph's gateway first: once gw-1 shows, the console has read past it.
            producer.send(new ProducerRecord<>(topics.gatewayStatus(), "gw-other", TributarySerdes.gatewayStatus().serializer()
                    .serialize(topics.gatewayStatus(), new GatewayStatus("gw-other", "another-graph", 7, "def", Instant.now(), 1, 0, 0, "",
                            Instant.now(), GatewayStatus.Connection.CONNECTED, Instant.now(), 0)))).get();
            producer.send(new ProducerRecord<>(topics.gatewayStatus(), "gw-1", TributarySerdes.gatewayStatus().serializer()
                    .serialize(topics.gatewayStatus(), new GatewayStatus("gw-1", "default", 1, "abc", Instant.now(), 12, 2, 0, "",
                            Instant.now(), GatewayStatus.Connection.CONNECTED, Instant.now(), 0, List.of(new GatewayStatus.BrokenOperation(
                                    "Duration", OperationSignature.sha256(document), "query Duration { course(id: \"c-1\") { durationMinutes id } }",
                                    "Field 'durationMinutes' in type 'Course' is undefined")))))).get();
            await().atMost(Duration.ofSeconds(60)).until(() -> Stream.of("curation", "rejected", "gateways")
                    .allMatch(kind -> stream.contains("event: " + kind)));
            await().atMost(Duration.ofSeconds(60)).until(() -> get(api, "api/timeline").size() == 3);

            JsonNode timeline = get(api, "api/timeline");
            assertThat(timeline.at("/0/cause").asText()).isEqualTo("CURATED");
            assertThat(timeline.at("/1/deploy").asText()).isEqualTo("1.0.0");
            assertThat(timeline.at("/1/breaking").asLong()).isPositive();
            assertThat(timeline.at("/1/broke/0/name").asText()).as("the rollback broke the operation clients sent").isEqualTo("Duration");
            assertThat(timeline.at("/2/broke")).isEmpty();
            assertThat(get(api, "api/services").at("/services/0/instances/0/state").asText()).isEqualTo("rolling");

            JsonNode diff = get(api, "api/diff?from=1&to=3");
            assertThat(diff.get("changes").findValuesAsText("coordinate")).contains("Course.durationMinutes", "Course.subtitle");
            assertThat(diff.get("rows").findValuesAsText("left")).anySatisfy(line -> assertThat(line).contains("durationMinutes"));

            JsonNode course = type(get(api, "api/schema"), "Course");
            assertThat(course.at("/owner/service").asText()).isEqualTo("courses");
            assertThat(course.get("fields").findValuesAsText("name")).contains("title").doesNotContain("subtitle", "durationMinutes");
            JsonNode query = type(get(api, "api/schema"), "Query");
            assertThat(query.get("fields")).anySatisfy(field -> {
                assertThat(field.get("name").asText()).isEqualTo("course");
                assertThat(field.get("operation").asText()).isEqualTo("GET /courses/{id}");
            });
            assertThat(get(api, "api/blame?coordinate=Course.durationMinutes").findValuesAsText("what"))
                    .containsExactly("REMOVED", "INTRODUCED");

            await().atMost(Duration.ofSeconds(60)).until(() -> get(api, "api/gateways").toString().contains("gw-1"));
            JsonNode gateway = get(api, "api/gateways");
            assertThat(gateway.get("gateways").findValuesAsText("gateway")).as("only this graph's gateways").containsExactly("gw-1");
            assertThat(gateway.at("/latest").asLong()).isEqualTo(3);
            assertThat(gateway.at("/gateways/0/behind").asLong()).isEqualTo(2);
            assertThat(gateway.at("/gateways/0/brokenOperations").asInt()).isEqualTo(2);
            assertThat(gateway.at("/gateways/0/namedBrokenOperations").size()).as("the gateway named one of the two").isEqualTo(1);
            assertThat(gateway.at("/gateways/0/namedBrokenOperations/0/name").asText()).isEqualTo("Duration");
            assertThat(gateway.at("/gateways/0/namedBrokenOperations/0/reason").asText()).contains("durationMinutes");
            assertThat(gateway.at("/gateways/0/namedBrokenOperations/0/clients/0/client").asText())
                    .as("who sent it, from the usage reports").isEqualTo("web");
            assertThat(gateway.at("/gateways/0/silent").asBoolean()).isFalse();
            assertThat(get(api, "api/rejected").at("/0/reason").asText()).startsWith("undecodable catalog");
            JsonNode rule = get(api, "api/curation").get(0);
            assertThat(rule.get("kind").asText()).isEqualTo("hide");
            assertThat(rule.get("target").asText()).isEqualTo("Course.subtitle");
            assertThat(rule.at("/views/0/version").asLong()).isEqualTo(3);
        }
    }

    @Test
    void shouldServeItsAssetsFromTheJarNamingNoOtherHostAndRefuseBadRequestsClearly() throws Exception {
        Topics topics = new Topics("console-assets");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        var config = SchemaAggregator.Config.builder(kafka.bootstrapServers()).applicationId("console-assets").topics(topics)
                .stateDir(stateDir).build();
        try (SchemaAggregator aggregator = SchemaAggregator.start(config); AggregatorHttpApi api = AggregatorHttpApi.start(aggregator, 0)) {
            for (String asset : List.of("", "console.js", "console.css")) {
                HttpResponse<String> response = send(api.consoleUri().resolve(asset));
                assertThat(response.statusCode()).as(asset).isEqualTo(200);
                assertThat(response.body()).as(asset).doesNotContain("http://", "https://", "//cdn");
            }
            assertThat(send(api.consoleUri().resolve("/console")).statusCode()).isEqualTo(301);
            assertThat(send(api.consoleUri().resolve("../views/current")).statusCode()).isNotEqualTo(200);
            assertThat(send(api.consoleUri().resolve("secrets.properties")).statusCode()).isEqualTo(404);
            assertThat(send(api.consoleUri().resolve("api/diff?from=x&to=2")).statusCode()).isEqualTo(400);
            assertThat(send(api.consoleUri().resolve("api/diff?from=1&to=2")).body()).contains("no view 1 or 2 in the history");
            assertThat(send(api.consoleUri().resolve("api/blame?coordinate=%3Cscript%3E")).statusCode()).isEqualTo(400);
            assertThat(send(api.consoleUri().resolve("api/nothing")).statusCode()).isEqualTo(404);
            assertThat(get(api, "api/services").get("services")).isEmpty();
        }
    }

    private static JsonNode type(JsonNode schema, String name) {
        for (JsonNode type : schema.get("types")) {
            if (type.get("name").asText().equals(name)) {
                return type;
            }
        }
        throw new AssertionError("no type " + name + " in " + schema);
    }

    private JsonNode get(AggregatorHttpApi api, String path) throws Exception {
        HttpResponse<String> response = send(api.consoleUri().resolve(path));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void publish(KafkaProducer<String, byte[]> producer, Topics topics, ServiceCatalog catalog) throws Exception {
        producer.send(new ProducerRecord<>(topics.catalog(), catalog.instanceKey(),
                TributarySerdes.catalog().serializer().serialize(topics.catalog(), catalog))).get();
    }
}
