package io.tributary.publisher;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes one instance's catalog to the catalog topic and retracts it with a tombstone. Sends are idempotent,
 * acknowledged by all replicas and not delayed by batching: a deploy should reach the gateways at once.
 */
public final class CatalogPublisher implements AutoCloseable {

    private final Producer<String, ServiceCatalog> producer;
    private final String topic;

    public CatalogPublisher(String bootstrapServers, Topics topics, Map<String, Object> kafkaProperties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), TributarySerdes.catalog().serializer());
        this.topic = topics.catalog();
    }

    /** Publishes the catalog under {@code service/instanceId} and waits until the broker has it. */
    public RecordMetadata publish(ServiceCatalog catalog) {
        return send(new ProducerRecord<>(topic, catalog.instanceKey(), catalog));
    }

    /** Retracts the instance: a tombstone under its key, so compaction forgets it and the aggregator drops it. */
    public RecordMetadata retract(String service, String instanceId) {
        return send(new ProducerRecord<>(topic, ServiceCatalog.instanceKey(service, instanceId), null));
    }

    private RecordMetadata send(ProducerRecord<String, ServiceCatalog> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing " + record.key(), e);
        } catch (ExecutionException e) {
            throw new PublishException("could not publish " + record.key() + " to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
