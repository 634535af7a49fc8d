package io.tributary.cli.bench;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.status.GatewayStatus;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows, on a thread of its own, what a propagation benchmark reads its figures from, committed records only: the
 * catalog topic (when each record was written: its timestamp), the history topic (each view's version and cause,
 * and when this watch first saw it committed) and the gateway-status topic (which view each gateway serves, and
 * since when: {@link GatewayStatus#appliedAt()}).
 */
final class TopicWatch implements AutoCloseable {
    /** A view as the watch saw it: its version, the event that caused it, and when it became readable here. */
    record ViewSeen(long version, Cause cause, int services, Instant readAt) {
    }

    /** A view's record as read, and when. */
    private record Unread(byte[] bytes, Instant readAt) {
    }

    /** One report of a gateway: the view it serves and when that view was swapped in. */
    record Served(long version, Instant appliedAt) {
    }

    private final Topics topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Map<Long, Long> catalogTimestamps = new HashMap<>();
    private final List<ViewSeen> views = new ArrayList<>();
    private final List<Unread> unread = new ArrayList<>();
    private final Map<String, List<Served>> served = new HashMap<>();
    private volatile boolean running = true;

    TopicWatch(String bootstrap, Topics topics) {
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = List.of(new TopicPartition(topics.catalog(), 0),
                new TopicPartition(topics.schemaHistory(), 0), new TopicPartition(topics.gatewayStatus(), 0));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = Thread.ofPlatform().name("topic-watch").daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    take(record, Instant.now());
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private synchronized void take(ConsumerRecord<String, byte[]> record, Instant readAt) {
        if (record.topic().equals(topics.catalog())) {
            catalogTimestamps.put(record.offset(), record.timestamp());
        } else if (record.topic().equals(topics.schemaHistory()) && record.value() != null) {
            unread.add(new Unread(record.value(), readAt));
        } else if (record.topic().equals(topics.gatewayStatus()) && record.key() != null && record.value() != null) {
            GatewayStatus status = TributarySerdes.gatewayStatus().deserializer().deserialize(record.topic(), record.value());
            served.computeIfAbsent(status.gatewayId(), id -> new ArrayList<>()).add(new Served(status.viewVersion(), status.appliedAt()));
        }
    }

    /** The first view seen that matches, if any yet. */
    synchronized Optional<ViewSeen> view(Predicate<ViewSeen> matching) {
        return decoded().stream().filter(matching).findFirst();
    }

    /** The newest view seen, if any yet. */
    synchronized Optional<ViewSeen> latest() {
        List<ViewSeen> decoded = decoded();
        return decoded.isEmpty() ? Optional.empty() : Optional.of(decoded.getLast());
    }

    /**
     * The views seen, decoded now: a view is decoded when it is asked for, not when it is read, so that the benchmark
     * can ask once the gateways serve it and its decoding (megabytes at Coursera scale) takes no core from them.
     */
    private List<ViewSeen> decoded() {
        for (Unread record : unread) {
            SchemaView view = TributarySerdes.view().deserializer().deserialize(topics.schemaHistory(), record.bytes());
            views.add(new ViewSeen(view.version(), view.cause(), view.services().size(), record.readAt()));
        }
        unread.clear();
        return views;
    }

    /** The timestamp of the catalog record at this offset, once the watch has read it. */
    synchronized Optional<Instant> catalogTimestamp(long offset) {
        return Optional.ofNullable(catalogTimestamps.get(offset)).map(Instant::ofEpochMilli);
    }

    /** When the gateway first reported serving this version or a later one, if it has yet. */
    synchronized Optional<Instant> servedSince(String gatewayId, long version) {
        return served.getOrDefault(gatewayId, List.of()).stream().filter(s -> s.version() >= version).findFirst().map(Served::appliedAt);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(5));
    }
}
