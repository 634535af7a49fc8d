package io.tributary.examples;

import static org.awaitility.Awaitility.await;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the catalog topic the way the aggregator does, for the example tests that check what was published. */
public final class CatalogTopic {
    private CatalogTopic() {
    }

    /** The latest catalog a live instance of {@code service} published, waiting up to 30 seconds for one. */
    public static ServiceCatalog awaitPublished(String bootstrapServers, Topics topics, String service) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), TributarySerdes.catalog().deserializer())) {
            TopicPartition partition = new TopicPartition(topics.catalog(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            AtomicReference<ServiceCatalog> latest = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(event -> {
                    if (event.key().startsWith(service + "/")) {
                        latest.set(event.value());
                    }
                });
                return latest.get() != null;
            });
            return latest.get();
        }
    }
}
