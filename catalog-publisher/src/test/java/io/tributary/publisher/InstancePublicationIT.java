package io.tributary.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.Heartbeat;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.testkit.EmbeddedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class InstancePublicationIT {
    private static final Duration FAST_HEARTBEAT = Duration.ofMillis(100);

    @Test
    void shouldPublishOnStartAndRetractOnClose() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = provisioned(kafka, "publication-lifecycle");
        ServiceCatalog catalog = CourseCatalogs.everything("i-1");

        try (InstancePublication publication = InstancePublication.start(catalog, InstancePublication.Settings.of(kafka.bootstrapServers(), topics))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> publication.status().state() == InstancePublication.State.PUBLISHED);
        }

        List<ConsumerRecord<String, ServiceCatalog>> events = read(kafka, topics.catalog(), TributarySerdes.catalog().deserializer(), 2);
        assertThat(events).extracting(ConsumerRecord::key).containsExactly("courses/i-1", "courses/i-1");
        assertThat(events.get(0).value()).isEqualTo(catalog);
        assertThat(events.get(1).value()).isNull();
    }

    @Test
    void shouldStillPublishThenRetractWhenClosedRightAfterStarting() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = provisioned(kafka, "publication-quick-stop");

        InstancePublication.start(CourseCatalogs.v1("quick"), InstancePublication.Settings.of(kafka.bootstrapServers(), topics)).close();

        List<ConsumerRecord<String, ServiceCatalog>> events = read(kafka, topics.catalog(), TributarySerdes.catalog().deserializer(), 2);
        assertThat(events).extracting(e -> e.value() == null).containsExactly(false, true);
    }

    @Test
    void shouldRenewTheLeaseWithHeartbeatsWithoutRewritingTheCatalog() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = provisioned(kafka, "publication-heartbeats");
        ServiceCatalog catalog = CourseCatalogs.v2("i-2");
        var settings = InstancePublication.Settings.of(kafka.bootstrapServers(), topics).withHeartbeatInterval(FAST_HEARTBEAT);

        try (InstancePublication publication = InstancePublication.start(catalog, settings)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> publication.status().heartbeats() >= 3);

            List<ConsumerRecord<String, Heartbeat>> heartbeats = read(kafka, topics.heartbeat(), TributarySerdes.heartbeat().deserializer(), 3);
            assertThat(heartbeats).allSatisfy(h -> {
                assertThat(h.key()).isEqualTo("courses/i-2");
                assertThat(h.value().leaseMillis()).isEqualTo(catalog.leaseMillis());
            });
            assertThat(heartbeats.get(2).value().sentAt()).isAfter(heartbeats.get(0).value().sentAt());
            assertThat(endOffset(kafka, topics.catalog())).isEqualTo(1);
        }
    }

    @Test
    void shouldPublishOnceKafkaBecomesReachable() throws IOException {
        int port = freePort();
        Topics topics = new Topics("publication-late");
        ServiceCatalog catalog = CourseCatalogs.v1("i-3");

        try (InstancePublication publication = InstancePublication.start(catalog,
                InstancePublication.Settings.of("localhost:" + port, topics).withHeartbeatInterval(FAST_HEARTBEAT)
                        .withKafkaProperties(Map.of("max.block.ms", 1_000)))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !publication.status().lastError().isEmpty());
            assertThat(publication.status().state()).isEqualTo(InstancePublication.State.CONNECTING);

            try (EmbeddedKafka late = EmbeddedKafka.start(port)) {
                TopicProvisioner.ensure(late.bootstrapServers(), topics, (short) 1);
                await().atMost(Duration.ofSeconds(60)).until(() -> publication.status().state() == InstancePublication.State.PUBLISHED);
                assertThat(read(late, topics.catalog(), TributarySerdes.catalog().deserializer(), 1).getFirst().value()).isEqualTo(catalog);
                assertThat(publication.status().lastError()).isEmpty();
            }
        }
    }

    @Test
    void shouldRefuseToStartWhenFailingFastAndKafkaIsUnreachable() throws IOException {
        var settings = InstancePublication.Settings.of("localhost:" + freePort(), new Topics("publication-fail-fast"))
                .withFailFast(true)
                .withKafkaProperties(Map.of("max.block.ms", 1_000));

        assertThatThrownBy(() -> InstancePublication.start(CourseCatalogs.v1("i-4"), settings))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("could not publish courses/i-4 to publication-fail-fast.catalog");
    }

    private static Topics provisioned(EmbeddedKafka kafka, String prefix) {
        Topics topics = new Topics(prefix);
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        return topics;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long endOffset(EmbeddedKafka kafka, String topic) {
        try (var consumer = consumer(kafka, new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static <V> List<ConsumerRecord<String, V>> read(EmbeddedKafka kafka, String topic, Deserializer<V> values, int atLeast) {
        try (var consumer = consumer(kafka, values)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return records.size() >= atLeast;
            });
            return records;
        }
    }

    private static <V> KafkaConsumer<String, V> consumer(EmbeddedKafka kafka, Deserializer<V> values) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringDeserializer(), values);
    }
}
