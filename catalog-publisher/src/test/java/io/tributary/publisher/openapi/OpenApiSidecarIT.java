package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.publisher.InstancePublication;
import io.tributary.testkit.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class OpenApiSidecarIT {
    private final EmbeddedKafka kafka = EmbeddedKafka.shared();

    @Test
    void shouldPublishThePartnersCatalogKeepItsLeaseAndRetractItOnClose() {
        Topics topics = new Topics("openapi-sidecar-it");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        OpenApiSidecar.Settings settings = OpenApiSidecar.Settings.of(PartnersDocument.location(), "partners",
                        "http://localhost:8083", kafka.bootstrapServers())
                .withTopics(topics)
                .withInstanceId("sidecar-1")
                .withHeartbeatInterval(Duration.ofMillis(100));

        OpenApiMapping mapping;
        try (OpenApiSidecar sidecar = OpenApiSidecar.start(settings)) {
            mapping = sidecar.mapping();
            await().atMost(Duration.ofSeconds(30)).until(() -> sidecar.status().state() == InstancePublication.State.PUBLISHED
                    && sidecar.status().heartbeats() >= 2);
        }

        List<ConsumerRecord<String, ServiceCatalog>> events = readAll(topics, 2);
        assertThat(events).extracting(ConsumerRecord::key).containsExactly("partners/sidecar-1", "partners/sidecar-1");
        ServiceCatalog published = events.getFirst().value();
        assertThat(published.serviceVersion()).isEqualTo("1.0.0");
        assertThat(published.baseUrl()).isEqualTo("http://localhost:8083");
        assertThat(published.resources()).isEqualTo(mapping.resources());
        assertThat(published.resources()).singleElement().satisfies(r -> assertThat(r.qualifiedName()).isEqualTo("partners.v1"));
        assertThat(events.get(1).value()).as("the retraction's tombstone").isNull();
    }

    private List<ConsumerRecord<String, ServiceCatalog>> readAll(Topics topics, int atLeast) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), TributarySerdes.catalog().deserializer())) {
            TopicPartition partition = new TopicPartition(topics.catalog(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, ServiceCatalog>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
            });
            return records.subList(records.size() - atLeast, records.size());
        }
    }
}
