package io.tributary.testkit;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.tributary.testkit.KafkaClients.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SharedEmbeddedKafkaTest {

    private final EmbeddedKafka kafka = EmbeddedKafka.shared();

    @Test
    void shouldDeliverARecordProducedToACompactedTopic() throws Exception {
        kafka.createTopic("compacted", 1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

        List<ConsumerRecord<String, String>> received =
                KafkaClients.roundTrip(kafka.bootstrapServers(), "compacted", "orders", "schema-v1");

        assertThat(received).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("orders", "schema-v1"));
        try (var admin = KafkaClients.admin(kafka.bootstrapServers())) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, "compacted");
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
    }

    @Test
    void shouldShowOnlyCommittedTransactionsToAReadCommittedConsumer() throws Exception {
        kafka.createTopic("transactional", 3, Map.of());

        try (var producer = KafkaClients.producer(kafka.bootstrapServers(),
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-tx"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", 0, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", 0, "k", "first"));
            producer.send(new ProducerRecord<>("transactional", 0, "k", "second"));
            producer.commitTransaction();
        }

        try (var consumer = KafkaClients.consumer(kafka.bootstrapServers(),
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            consumer.subscribe(List.of("transactional"));
            assertThat(KafkaClients.consume(consumer, 2)).extracting(ConsumerRecord::value)
                    .containsExactly("first", "second");
        }
    }

    @Test
    void shouldRunAsAReleasedSingleNodeClusterWithOneReplicaPerInternalTopic() throws Exception {
        try (var admin = KafkaClients.admin(kafka.bootstrapServers())) {
            var broker = new ConfigResource(ConfigResource.Type.BROKER, "0");
            Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);
            assertThat(Map.of(
                    "offsets.topic.replication.factor", config.get("offsets.topic.replication.factor").value(),
                    "transaction.state.log.replication.factor", config.get("transaction.state.log.replication.factor").value(),
                    "transaction.state.log.min.isr", config.get("transaction.state.log.min.isr").value(),
                    "group.initial.rebalance.delay.ms", config.get("group.initial.rebalance.delay.ms").value(),
                    "auto.create.topics.enable", config.get("auto.create.topics.enable").value()))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "offsets.topic.replication.factor", "1",
                            "transaction.state.log.replication.factor", "1",
                            "transaction.state.log.min.isr", "1",
                            "group.initial.rebalance.delay.ms", "0",
                            "auto.create.topics.enable", "false"));

            FeatureMetadata features = admin.describeFeatures().featureMetadata().get();
            assertThat(features.finalizedFeatures().get(MetadataVersion.FEATURE_NAME).maxVersionLevel())
                    .isEqualTo(MetadataVersion.LATEST_PRODUCTION.featureLevel());
        }
    }

    @Test
    void shouldNotCreateATopicThatAClientMerelyAsksAbout() throws Exception {
        try (var consumer = KafkaClients.consumer(kafka.bootstrapServers(),
                Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true))) {
            assertThat(consumer.partitionsFor("never-created", Duration.ofSeconds(5))).isEmpty();
        }
        try (var admin = KafkaClients.admin(kafka.bootstrapServers())) {
            assertThat(admin.listTopics().names().get()).doesNotContain("never-created");
        }
    }

    @Test
    void shouldRefuseToCreateATopicTwice() {
        kafka.createTopic("created-once", 1, Map.of());

        assertThatThrownBy(() -> kafka.createTopic("created-once", 1, Map.of()))
                .isInstanceOf(TopicExistsException.class);
    }

    @Test
    void shouldReturnTheSameBrokerToEveryCaller() throws Exception {
        try (var executor = Executors.newFixedThreadPool(4)) {
            List<CompletableFuture<EmbeddedKafka>> calls = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(EmbeddedKafka::shared, executor))
                    .toList();
            for (CompletableFuture<EmbeddedKafka> call : calls) {
                assertThat(call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isSameAs(kafka);
            }
        }
    }

    @Test
    void shouldKeepTheSharedBrokerRunningWhenATestClosesIt() throws Exception {
        try (EmbeddedKafka borrowed = EmbeddedKafka.shared()) {
            borrowed.createTopic("still-open", 1, Map.of());
        }

        assertThat(KafkaClients.roundTrip(kafka.bootstrapServers(), "still-open", "k", "v"))
                .extracting(ConsumerRecord::value).containsExactly("v");
    }
}
