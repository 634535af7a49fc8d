package io.tributary.cli.ops;

import java.nio.charset.StandardCharsets;
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
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads Tributary's topics whole, from the beginning to their end as of now (committed records only), for the
 * operator commands. Says plainly when Kafka cannot be reached or a topic is missing.
 */
public final class TopicLog implements AutoCloseable {
    private final Map<String, Object> properties;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private Set<String> topicNames;
    private Admin admin;

    public TopicLog(Map<String, Object> clientProperties) {
        this.properties = new HashMap<>(clientProperties);
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-cli");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Every record of the topic with its key as text, in offset order within partitions, then by timestamp across them. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return readRaw(topic).stream().map(TopicLog::withTextKey).toList();
    }

    /**
     * Every record of the topic as its bytes, in offset order within partitions, then by timestamp across them: what
     * a fold of the catalog log reads, so that a key of invalid UTF-8 is seen as the aggregator saw it.
     */
    public List<ConsumerRecord<byte[], byte[]>> readRaw(String topic) {
        requireTopic(topic);
        List<TopicPartition> partitions = partitions(topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(15));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(15)) < ends.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        records.sort(Comparator.comparingLong(ConsumerRecord<byte[], byte[]>::timestamp)
                .thenComparing(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    /**
     * Hands the records of a one-partition topic (the catalog log) to {@code action} as they are read, in offset order,
     * up to the topic's end as of now, and stops early when the action answers false: what a fold of the log reads,
     * in the order the aggregator folded it, without holding the log in memory (a million catalogs do not fit in an
     * operator command's heap). A topic of several partitions is read whole first and handed over as {@link #readRaw}
     * orders it.
     */
    public void forEachRaw(String topic, Predicate<ConsumerRecord<byte[], byte[]>> action) {
        requireTopic(topic);
        List<TopicPartition> partitions = partitions(topic);
        if (partitions.size() != 1) {
            for (ConsumerRecord<byte[], byte[]> record : readRaw(topic)) {
                if (!action.test(record)) {
                    return;
                }
            }
            return;
        }
        TopicPartition partition = partitions.getFirst();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        long end = consumer.endOffsets(partitions, Duration.ofSeconds(15)).get(partition);
        while (consumer.position(partition, Duration.ofSeconds(15)) < end) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() >= end || !action.test(record)) {
                    return;
                }
            }
        }
    }

    private static ConsumerRecord<String, byte[]> withTextKey(ConsumerRecord<byte[], byte[]> record) {
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(), record.timestampType(),
                record.serializedKeySize(), record.serializedValueSize(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), record.value(), record.headers(),
                record.leaderEpoch());
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** Whether the topic exists: for topics older clusters lack, which a command then reads as empty. */
    public boolean exists(String topic) {
        return topicNames().contains(topic);
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
