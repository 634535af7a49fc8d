package io.tributary.testkit;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The embedded broker's smoke check against Kafka in a container; skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerSmokeTest {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

    @Test
    void shouldDeliverARecordProducedToACompactedTopic() throws Exception {
        try (var admin = KafkaClients.admin(KAFKA.getBootstrapServers())) {
            admin.createTopics(List.of(new NewTopic("compacted", 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        }

        List<ConsumerRecord<String, String>> received =
                KafkaClients.roundTrip(KAFKA.getBootstrapServers(), "compacted", "orders", "schema-v1");

        assertThat(received).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("orders", "schema-v1"));
    }
}
