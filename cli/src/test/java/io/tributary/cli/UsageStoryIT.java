package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.aggregator.SchemaAggregator;
import io.tributary.avro.CatalogJson;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.gateway.Gateway;
import io.tributary.testkit.EmbeddedKafka;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage story on a real broker: clients send operations through two real gateways to the real courses service;
 * the gateways report them; {@code check} then names the operations and clients a catalog removing a used field
 * breaks (exit 1), calls removing an unused field safe in practice (exit 4), and {@code history} says which operations
 * a rollback that removed the field broke.
 */
class UsageStoryIT {
    private static final Logger LOG = LoggerFactory.getLogger(UsageStoryIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITLES = "query CourseTitles($id: ID!) { course(id: $id) { id title } }";
    private static final String DURATION = "query CourseDuration { course(id: \"c-2\") { id durationMinutes } }";

    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    private final Topics topics = new Topics("usage-story");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> running = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable part : running.reversed()) {
            part.close();
        }
    }

    @Test
    void checkJudgesBreakingChangesByTheOperationsClientsSent() throws Exception {
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        SchemaAggregator aggregator = keep(SchemaAggregator.start(SchemaAggregator.Config.builder(kafka.bootstrapServers())
                .applicationId("usage-story").topics(topics).stateDir(dir.resolve("state")).build()));
        Gateway east = keep(gateway("gw-east"));
        Gateway west = keep(gateway("gw-west"));
        CoursesApp v2 = keep(CoursesApp.start(Variant.V2, 0, kafka.bootstrapServers(), topics));
        await().atMost(Duration.ofSeconds(60)).until(() -> serves(east, "durationMinutes") && serves(west, "durationMinutes"));

        for (int i = 0; i < 3; i++) {
            assertThat(post(east, "{\"query\":" + JSON.writeValueAsString(TITLES) + ",\"variables\":{\"id\":\"c-" + (i + 1) + "\"}}",
                    "apollographql-client-name", "web", "apollographql-client-version", "2.1").at("/data/course/title").isTextual()).isTrue();
        }
        post(west, "{\"query\":" + JSON.writeValueAsString(TITLES) + ",\"variables\":{\"id\":\"c-9\"}}", "graphql-client-name", "android");
        assertThat(post(west, "{\"query\":" + JSON.writeValueAsString(DURATION) + "}",
                "graphql-client-name", "ios", "graphql-client-version", "5.0").at("/data/course/durationMinutes").isInt()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> reportedBy().containsAll(List.of("gw-east", "gw-west")));

        ServiceCatalog live = liveCourses();
        Path withoutDuration = catalog("without-duration.json", live, "durationMinutes");
        CommandRun used = tributary("check", "--catalog", withoutDuration.toString(), "--service", "courses");
        LOG.info("check, removing a field an operation uses:\n{}", used.out());
        assertThat(used.exitCode()).as(used.out() + used.err()).isEqualTo(1);
        assertThat(used.out()).containsPattern("BREAKING\\s+Course\\.durationMinutes")
                .containsPattern("CourseDuration\\s+\\S+\\s+ios@5\\.0 ×1\\s+1\\s")
                .contains("Operations clients sent in the last 7 days: 2")
                .contains("Deploying this breaks clients: 1 operation(s) sent in the last 7 days: CourseDuration (ios@5.0 ×1).")
                .doesNotContain("CourseTitles\\s");
        JsonNode usedJson = JSON.readTree(tributary("check", "--catalog", withoutDuration.toString(), "--service", "courses", "--json").out());
        assertThat(usedJson.path("exitCode").asInt()).isEqualTo(1);
        assertThat(usedJson.at("/brokenOperations/0/name").asText()).isEqualTo("CourseDuration");
        assertThat(usedJson.at("/brokenOperations/0/clients/0/client").asText()).isEqualTo("ios");

        Path withoutSubtitle = catalog("without-subtitle.json", live, "subtitle");
        CommandRun unused = tributary("check", "--catalog", withoutSubtitle.toString(), "--service", "courses");
        LOG.info("check, removing a field no operation uses:\n{}", unused.out());
        assertThat(unused.exitCode()).as(unused.out() + unused.err()).isEqualTo(4);
        assertThat(unused.out()).containsPattern("BREAKING\\s+Course\\.subtitle").contains("safe in practice");
        assertThat(JSON.readTree(tributary("check", "--catalog", withoutSubtitle.toString(), "--service", "courses", "--json").out())
                .path("verdict").asText()).isEqualTo("SAFE_IN_PRACTICE");

        CommandRun outsideWindow = tributary("check", "--catalog", withoutDuration.toString(), "--service", "courses", "--usage-days", "0");
        assertThat(outsideWindow.exitCode()).isEqualTo(2);
        assertThat(outsideWindow.err()).contains("--usage-days must be at least 1");

        // The rollback to v1 happens anyway: history says which operation it broke.
        keep(CoursesApp.start(Variant.V1, 0, kafka.bootstrapServers(), topics));
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregator.currentView()
                .filter(v -> v.services().getFirst().instances().size() == 2).isPresent());
        v2.close();
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregator.currentView().filter(v -> !v.sdl().contains("durationMinutes")
                && v.services().getFirst().instances().size() == 1).isPresent());
        CommandRun history = tributary("history");
        LOG.info("history after the rollback:\n{}", history.out());
        assertThat(history.out()).containsPattern("view \\d+ broke CourseDuration \\(ios@5\\.0 ×1\\): .*durationMinutes")
                .doesNotContain("broke CourseTitles");

        // The gateway that ran CourseDuration names it as broken by its swap to the rolled-back view.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tributary("status", "--application-id", "usage-story").out())
                .containsPattern("gw-west\\s+\\d+\\s+CourseDuration\\s+[0-9a-f]{12}\\s+.*durationMinutes"));
        LOG.info("status after the rollback:\n{}", tributary("status", "--application-id", "usage-story").out());
        JsonNode gateways = JSON.readTree(tributary("status", "--application-id", "usage-story", "--json").out()).path("gateways");
        assertThat(gateways.findValuesAsText("gateway")).contains("gw-east", "gw-west");
        for (JsonNode gateway : gateways) {
            JsonNode named = gateway.path("namedBrokenOperations");
            if (gateway.path("gateway").asText().equals("gw-west")) {
                assertThat(named.findValuesAsText("name")).containsExactly("CourseDuration");
                assertThat(named.at("/0/excerpt").asText()).isEqualTo(DURATION);
            } else {
                assertThat(named).as("gw-east never ran CourseDuration").isEmpty();
            }
        }
    }

    private Gateway gateway(String id) {
        return Gateway.start(0, kafka.bootstrapServers(), topics, Map.of("tributary.gateway.serving.gateway-id", id,
                "tributary.gateway.serving.cache-dir", dir.resolve(id).toString(), "tributary.gateway.usage.interval", "300ms"));
    }

    private static boolean serves(Gateway gateway, String field) {
        return gateway.current().map(g -> g.view().sdl().contains(field)).orElse(false);
    }

    private JsonNode post(Gateway gateway, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri().resolve("/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The gateways that reported usage so far. */
    private List<String> reportedBy() {
        TopicPartition partition = new TopicPartition(topics.usage(), 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
            List<String> gateways = new ArrayList<>();
            while (consumer.position(partition, Duration.ofSeconds(10)) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    gateways.add(TributarySerdes.usage().deserializer().deserialize(record.topic(), record.value()).gatewayId());
                }
            }
            return gateways;
        }
    }

    /** The catalog the running courses instance published, read back from the catalog topic. */
    private ServiceCatalog liveCourses() {
        TopicPartition partition = new TopicPartition(topics.catalog(), 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
            ServiceCatalog courses = null;
            while (consumer.position(partition, Duration.ofSeconds(10)) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith("courses/") && record.value() != null) {
                        courses = TributarySerdes.catalog().deserializer().deserialize(record.topic(), record.value());
                    }
                }
            }
            return courses;
        }
    }

    /** The live catalog with one field left out of the course model, as a catalog file. */
    private Path catalog(String name, ServiceCatalog live, String field) throws Exception {
        List<Resource> resources = live.resources().stream().map(r -> !r.name().equals("courses") ? r : new Resource(r.name(),
                r.version(), r.description(), without(r.model(), field), r.keyField(), r.operations(), r.relations(),
                r.deprecationReason())).toList();
        Path file = dir.resolve(name);
        Files.writeString(file, CatalogJson.resources(resources));
        return file;
    }

    private static Schema without(Schema model, String field) {
        assertThat(model.getField(field)).as("the course model has " + field).isNotNull();
        List<Schema.Field> fields = model.getFields().stream().filter(f -> !f.name().equals(field))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        return Schema.createRecord(model.getName(), model.getDoc(), model.getNamespace(), false, fields);
    }

    private CommandRun tributary(String... args) {
        return CommandRun.run(kafka.bootstrapServers(), topics.prefix(), args);
    }

    private <T extends AutoCloseable> T keep(T part) {
        running.add(part);
        return part;
    }
}
