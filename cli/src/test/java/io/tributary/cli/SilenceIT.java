package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.status.GatewayStatus;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code status} and {@code drift} on components that stopped: a gateway whose last report is old is silent (and
 * drift), an aggregator whose consumer group has no members is not running (and drift).
 */
class SilenceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    private final Topics topics = new Topics("silence-" + UUID.randomUUID().toString().substring(0, 8));
    private final String nobody = "silence-nobody-" + UUID.randomUUID().toString().substring(0, 8);
    private SchemaView view;

    @BeforeEach
    void story() throws Exception {
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        SchemaView first = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")),
                new Cause(topics.catalog(), 0, 0, "courses/a"), Instant.now().minusSeconds(200)).orElseThrow();
        view = new SchemaView(first.graph(), 4, first.hash(), first.composedAt(), first.sdl(), first.routing(), first.services(),
                first.diagnostics(), first.failedServices(), first.changes(), first.cause());
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.schema(), "default", TributarySerdes.view().serializer().serialize("", view))).get();
            producer.send(status(new GatewayStatus("gw-live", "default", 4, view.hash(), now.minusSeconds(100), 20, 0, 0, "", now,
                    GatewayStatus.Connection.CONNECTED, now.minusSeconds(150), 0))).get();
            producer.send(status(new GatewayStatus("gw-gone", "default", 3, "h3", now.minusSeconds(300), 20, 0, 0, "",
                    now.minusSeconds(130), GatewayStatus.Connection.DISCONNECTED, now.minusSeconds(135), 0))).get();
        }
    }

    @Test
    void shouldShowASilentGatewayAndAStoppedAggregatorAsDrift() throws Exception {
        CommandRun status = tributary("status", "--application-id", nobody);
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out())
                .contains("Aggregator " + nobody + ": NOT RUNNING (no consumer group " + nobody + " exists); last view composed 3m ")
                .containsPattern("gw-live\\s+4\\s+0\\s+\\S+\\s+20 ms\\s+connected\\s+\\d+s ago")
                .containsPattern("gw-gone\\s+3\\s+1\\s+\\S+\\s+20 ms\\s+disconnected for 5s\\s+silent for 2m 1\\ds");

        CommandRun drift = tributary("drift", "--application-id", nobody);
        assertThat(drift.exitCode()).isEqualTo(1);
        assertThat(drift.out()).containsPattern("AGGREGATOR_NOT_RUNNING\\s+" + nobody + "\\s+no consumer group")
                .containsPattern("GATEWAY_SILENT\\s+gw-gone\\s+silent for 2m 1\\ds")
                .doesNotContain("gw-live");

        JsonNode json = JSON.readTree(tributary("drift", "--application-id", nobody, "--json").out());
        assertThat(json.at("/aggregator/state").asText()).isEqualTo("NOT_RUNNING");
        assertThat(json.at("/drift").findValuesAsText("kind")).containsExactlyInAnyOrder("AGGREGATOR_NOT_RUNNING", "GATEWAY_SILENT");
        JsonNode gateways = JSON.readTree(tributary("status", "--application-id", nobody, "--json").out()).at("/gateways");
        assertThat(gateways.findValuesAsText("silent")).containsExactlyInAnyOrder("false", "true");
        assertThat(gateways.findValuesAsText("connection")).containsExactlyInAnyOrder("CONNECTED", "DISCONNECTED");

        CommandRun patient = tributary("drift", "--application-id", nobody, "--silent-after", "5m");
        assertThat(patient.out()).doesNotContain("GATEWAY_SILENT").containsPattern("GATEWAY_BEHIND\\s+gw-gone");
    }

    @Test
    void shouldSeeARunningAggregatorByTheMembersOfItsConsumerGroup() {
        String group = "silence-aggregator-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaConsumer<String, byte[]> member = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(), new ByteArrayDeserializer())) {
            member.subscribe(List.of(topics.catalog()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                member.poll(Duration.ofMillis(100));
                return !member.assignment().isEmpty();
            });

            CommandRun status = tributary("status", "--application-id", group);

            assertThat(status.out()).contains("Aggregator " + group + ": running (1 member); last view composed 3m ");
            CommandRun drift = tributary("drift", "--application-id", group);
            assertThat(drift.out()).doesNotContain("AGGREGATOR_NOT_RUNNING");
        }
    }

    private ProducerRecord<String, byte[]> status(GatewayStatus status) {
        return new ProducerRecord<>(topics.gatewayStatus(), status.gatewayId(), TributarySerdes.gatewayStatus().serializer().serialize("", status));
    }

    private CommandRun tributary(String... args) {
        return CommandRun.run(kafka.bootstrapServers(), topics.prefix(), args);
    }
}
