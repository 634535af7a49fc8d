package io.tributary.cli.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads Tributary's topics whole, from the beginning to their end as of now (committed records only), for the
 * operator commands. Says plainly when Kafka cannot be reached or a topic is missing.
 */
public final class TopicLog implements AutoCloseable {
    private final Map<String, Object> properties;
    private final KafkaConsumer<String, byte[]> consumer;
    private Set<String> topicNames;
    private Admin admin;

    public TopicLog(Map<String, Object> clientProperties) {
        this.properties = new HashMap<>(clientProperties);
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-cli");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Every record of the topic, in offset order within partitions, then by timestamp across them. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        requireTopic(topic);
        List<TopicPartition> partitions = partitions(topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(15));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(15)) < ends.get(p))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        records.sort(Comparator.comparingLong(ConsumerRecord<String, byte[]>::timestamp)
                .thenComparing(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void requireTopic(String topic) {
        if (!topicNames().contains(topic)) {
            throw new OperatorException("topic " + topic + " does not exist on " + properties.get("bootstrap.servers")
                    + ": create Tributary's topics with 'tributary topics create', or check --topic-prefix");
        }
    }

    /** The cluster's topics, asked once per log: a command reading several topics needs one answer, not one each. */
    private Set<String> topicNames() {
        if (topicNames != null) {
            return topicNames;
        }
        try {
            topicNames = admin().listTopics().names().get(15, TimeUnit.SECONDS);
            return topicNames;
        } catch (TimeoutException | ExecutionException e) {
            throw new OperatorException("cannot reach Kafka at " + properties.get("bootstrap.servers")
                    + ": check --bootstrap and the client properties (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException("interrupted");
        }
    }

    /** One admin client per log, created when first needed: topic names, consumer groups. */
    Admin admin() {
        if (admin == null) {
            admin = Admin.create(properties);
        }
        return admin;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
