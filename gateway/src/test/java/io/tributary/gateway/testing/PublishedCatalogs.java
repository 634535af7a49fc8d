package io.tributary.gateway.testing;

import static org.awaitility.Awaitility.await;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What real services published: the tests that start example services read their catalogs back from the catalog topic,
 * as the aggregator would, instead of building catalogs by hand.
 */
public final class PublishedCatalogs {
    private PublishedCatalogs() {
    }

    /** The latest catalog of each of {@code services} on the catalog topic, waiting up to a minute for all of them. */
    public static List<ServiceCatalog> latest(String bootstrap, Topics topics, Set<String> services) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), TributarySerdes.catalog().deserializer())) {
            TopicPartition partition = new TopicPartition(topics.catalog(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Map<String, ServiceCatalog> latest = new TreeMap<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(event -> {
                    if (event.value() != null) {
                        latest.put(event.value().service(), event.value());
                    }
                });
                return latest.keySet().containsAll(services);
            });
            latest.keySet().retainAll(services);
            return List.copyOf(latest.values());
        }
    }
}
