package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.aggregator.SchemaAggregator;
import io.tributary.compose.CompositionSettings;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.lint.LintRule;
import io.tributary.lint.LintSettings;
import java.util.Set;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import io.tributary.gateway.Gateway;
import io.tributary.publisher.InstancePublication;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator commands against a scripted story on a real broker: a deploy, a rolling deploy, a rollback, a crash
 * (lease expiry) and a curation change; then status, history, diff, blame, replay and drift must tell it right.
 */
class OperatorStoryIT {
    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    private final Topics topics = new Topics("operator-story");
    private final List<AutoCloseable> running = new ArrayList<>();
    private Gateway gateway;
    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable part : running.reversed()) {
            part.close();
        }
    }

    @Test
    void shouldTellTheStoryOfTheGraph() throws Exception {
        CommandRun topicsCreate = tributary("topics", "create");
        assertThat(topicsCreate.out()).contains("operator-story.catalog", "created");

        SchemaAggregator aggregator = keep(SchemaAggregator.start(SchemaAggregator.Config.builder(kafka.bootstrapServers())
                .applicationId("operator-story").topics(topics).stateDir(dir.resolve("state"))
                .expiryGrace(Duration.ZERO)
                // Settings other than the defaults: replay must fold with them too, read from the log.
                .composition(new CompositionSettings(CompositionSettings.PaginationMode.RELAY))
                .lint(new LintSettings(Map.of(LintRule.MISSING_DESCRIPTION, Diagnostic.Severity.WARNING), Set.of(LintRule.UNBOUNDED_LIST),
                        false)).build()));
        gateway = keep(Gateway.start(0, kafka.bootstrapServers(), topics,
                Map.of("tributary.gateway.serving.cache-dir", dir.resolve("cache").toString(), "tributary.gateway.serving.gateway-id", "gw-1")));

        InstancePublication v1 = publish(CourseCatalogs.instance("i-1", "1.0.0", CourseCatalogs.COURSE_V1));
        awaitView(aggregator, v -> v.sdl().contains("type Course"));
        InstancePublication v2 = publish(CourseCatalogs.instance("i-2", "2.0.0", CourseCatalogs.COURSE_V2));
        awaitView(aggregator, v -> v.services().getFirst().instances().size() == 2);
        CommandRun midDeploy = tributary("drift", "--application-id", "operator-story");
        assertThat(midDeploy.exitCode()).as(midDeploy.err()).isEqualTo(1);
        assertThat(midDeploy.out()).contains("INSTANCE_OFF_CATALOG", "courses/i-2");

        v1.close();
        SchemaView introduced = awaitView(aggregator, v -> v.sdl().contains("durationMinutes"));
        publish(CourseCatalogs.instance("i-3", "1.0.0", CourseCatalogs.COURSE_V1));
        SchemaView removed = awaitView(aggregator, v -> !v.sdl().contains("durationMinutes"));
        v2.close();
        awaitView(aggregator, v -> v.services().getFirst().instances().size() == 1);

        ServiceCatalog partners = GraphCatalogs.partners();
        InstancePublication crashed = InstancePublication.start(new ServiceCatalog(partners.service(), "crashed", "1.0.0",
                partners.publishedAt(), partners.baseUrl(), 1_000, partners.resources()),
                InstancePublication.Settings.of(kafka.bootstrapServers(), topics).withHeartbeatInterval(Duration.ofHours(1)));
        running.add(crashed);
        awaitView(aggregator, v -> v.sdl().contains("type Partner"));
        SchemaView expired = awaitView(aggregator, v -> v.cause().kind() == Cause.EventKind.EXPIRED);
        curate(new CurationRule.Hide("hide-subtitle", "Course.subtitle"));
        SchemaView latest = awaitView(aggregator, v -> v.cause().kind() == Cause.EventKind.CURATED);
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.current().map(g -> g.view().version()).orElse(0L) == latest.version());

        CommandRun status = tributary("status", "--application-id", "operator-story");
        assertThat(status.out()).contains("view " + latest.version(), "caused by CURATED hide-subtitle",
                        "Aggregator operator-story: running (")
                .containsPattern("courses\\s+STABLE\\s+1\\s+1\\.0\\.0")
                .containsPattern("gw-1\\s+" + latest.version() + "\\s+0\\s+\\S+\\s+\\d+ ms\\s+connected\\s+\\d+s ago");

        CommandRun history = tributary("history");
        assertThat(history.out().lines().count()).isEqualTo(latest.version() + 1);
        assertThat(history.out()).containsPattern(removed.version() + "\\s+\\S+\\s+PUBLISHED\\s+courses/i-3\\s+1\\.0\\.0\\s+1\\s")
                .containsPattern(expired.version() + "\\s+\\S+\\s+EXPIRED\\s+partners/crashed\\s+1\\.0\\.0");

        CommandRun diff = tributary("diff", String.valueOf(introduced.version()), String.valueOf(removed.version()));
        assertThat(diff.out()).containsPattern("BREAKING\\s+\\S+\\s+Course\\.durationMinutes");

        CommandRun blame = tributary("blame", "Course.durationMinutes");
        assertThat(blame.out()).containsPattern(introduced.version() + "\\s+\\S+\\s+INTRODUCED\\s+RETRACTED\\s+courses/i-1\\s+1\\.0\\.0")
                .containsPattern(removed.version() + "\\s+\\S+\\s+REMOVED\\s+PUBLISHED\\s+courses/i-3\\s+1\\.0\\.0");

        CommandRun replay = tributary("replay");
        assertThat(replay.err()).contains("hash " + latest.hash());
        assertThat(replay.out()).isEqualTo(latest.sdl());
        for (SchemaView view : history()) {
            CommandRun replayed = tributary("replay", "--until-offset", String.valueOf(view.cause().offset()));
            assertThat(replayed.err()).as("view %d", view.version()).contains("view " + view.version() + ", hash " + view.hash());
        }
        CommandRun replayUntil = tributary("replay", "--until", introduced.composedAt().toString());
        assertThat(replayUntil.out()).contains("durationMinutes");
        CommandRun replayFrom = tributary("replay", "--from-offset", String.valueOf(expired.cause().offset() - 1), "--json");
        assertThat(replayFrom.out()).contains("\"graph\" : \"default\"").doesNotContain("type Course ");
        assertThat(tributary("topics", "create", "--json").out()).contains("\"state\" : \"exists\"");

        CommandRun drift = tributary("drift", "--application-id", "operator-story");
        assertThat(drift.exitCode()).as(drift.out()).isZero();
        assertThat(drift.out()).contains("No drift");

        Path widening = catalogFile("v2.json", CourseCatalogs.COURSE_V2);
        CommandRun safe = tributary("check", "--catalog", widening.toString(), "--service", "courses");
        assertThat(safe.exitCode()).isZero();
        assertThat(safe.out()).containsPattern("SAFE\\s+Course\\.durationMinutes").contains("Safe to deploy.");
        Path narrowing = catalogFile("narrow.json", CourseCatalogs.COURSE_V1.replace(
                ",\n   {\"name\": \"rating\", \"type\": \"double\", \"doc\": \"Average learner rating, 0 to 5.\"}", ""));
        CommandRun breaking = tributary("check", "--catalog", narrowing.toString(), "--service", "courses");
        assertThat(breaking.exitCode()).isEqualTo(1);
        assertThat(breaking.out()).containsPattern("BREAKING\\s+Course\\.rating");
        Path broken = catalogFile("broken.json", CourseCatalogs.COURSE_V1.replace("\"title\"", "\"__title\""));
        CommandRun uncomposable = tributary("check", "--catalog", broken.toString(), "--service", "courses");
        assertThat(uncomposable.exitCode()).isEqualTo(2);
        assertThat(uncomposable.out()).contains("UNCOMPOSABLE", "__title");

        // An OpenAPI document that leaves an operation out: its mapping report must not spoil the JSON on stdout.
        CommandRun openApi = tributary("check", "--openapi", "../catalog-publisher/src/test/resources/openapi-corpus/petstore-3.0.yaml",
                "--service", "pets", "--json");
        com.fasterxml.jackson.databind.JsonNode verdict = new com.fasterxml.jackson.databind.ObjectMapper().readTree(openApi.out());
        assertThat(verdict.path("exitCode").asInt(-1)).as(openApi.out()).isEqualTo(openApi.exitCode());
        assertThat(openApi.err()).contains("1 operation was not mapped", "POST /pet/{petId}/uploadImage");
    }

    private Path catalogFile(String name, String model) throws java.io.IOException {
        Path file = dir.resolve(name);
        java.nio.file.Files.writeString(file, io.tributary.avro.CatalogJson.resources(List.of(CourseCatalogs.courses(model))));
        return file;
    }

    @Test
    void shouldSayWhatToDoWhenATopicIsMissing() {
        CommandRun run = tributaryWithPrefix("nothing-here", "status");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("topic nothing-here.schema does not exist", "tributary topics create");
    }

    private CommandRun tributary(String... args) {
        return tributaryWithPrefix(topics.prefix(), args);
    }

    private CommandRun tributaryWithPrefix(String prefix, String... args) {
        return CommandRun.run(kafka.bootstrapServers(), prefix, args);
    }

    private InstancePublication publish(ServiceCatalog catalog) {
        InstancePublication publication = InstancePublication.start(catalog, InstancePublication.Settings.of(kafka.bootstrapServers(), topics));
        running.add(publication);
        return publication;
    }

    private void curate(CurationRule rule) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.curation(), rule.id(),
                    TributarySerdes.curation().serializer().serialize(topics.curation(), rule))).get();
        }
    }

    /**
     * Waits for the aggregator's view to meet the condition, and for the gateway to serve it: the gateway reads
     * committed records only, as the commands do, so after this the commands see the view too.
     */
    /** Every view the aggregator wrote to the history topic, in order. */
    private List<SchemaView> history() {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.<String, Object>of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new org.apache.kafka.common.serialization.StringDeserializer(), io.tributary.avro.TributarySerdes.view().deserializer())) {
            var partition = new org.apache.kafka.common.TopicPartition(topics.schemaHistory(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<SchemaView> views = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> views.add(r.value()));
            }
            assertThat(views).extracting(SchemaView::version).as("every version, once").doesNotHaveDuplicates().isNotEmpty();
            return views;
        }
    }

    private SchemaView awaitView(SchemaAggregator aggregator, Predicate<SchemaView> condition) {
        SchemaView[] found = new SchemaView[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregator.currentView().filter(condition).map(v -> found[0] = v).isPresent());
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.current().map(g -> g.view().version()).orElse(0L) >= found[0].version());
        return found[0];
    }

    private <T extends AutoCloseable> T keep(T part) {
        running.add(part);
        return part;
    }
}
