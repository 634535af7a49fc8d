package io.tributary.aggregator.console;

import io.tributary.aggregator.Headers;
import io.tributary.avro.CatalogEvents;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.Heartbeat;
import io.tributary.status.GatewayStatus;
import io.tributary.text.Printable;
import io.tributary.view.LogEvent;
import io.tributary.view.SchemaView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows Tributary's topics from their beginning, for the console: views, gateway statuses, rejected events, curation
 * rules, publications (folded too), heartbeats and usage reports go into the {@link ConsoleState}, and every batch that changed something is
 * announced to the listener. Committed records only, as every other reader of the log; no consumer group, so it
 * leaves nothing behind on the broker. A record it cannot decode is skipped: the aggregator already rejected it.
 */
final class LogTail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogTail.class);
    private static final Duration RECHECK_TOPICS = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final ConsoleState state;
    private final Deserializer<SchemaView> views;
    private final Consumer<Set<Change>> listener;
    private final Set<String> assigned = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private Instant topicsCheckedAt = Instant.EPOCH;

    private LogTail(Map<String, Object> clientProperties, Topics topics, ConsoleState state, Deserializer<SchemaView> views,
                    Consumer<Set<Change>> listener) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-console");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.state = state;
        this.views = views;
        this.listener = listener;
        this.thread = Thread.ofPlatform().name("tributary-console-tail").daemon().unstarted(this::run);
    }

    static LogTail start(Map<String, Object> clientProperties, Topics topics, ConsoleState state, Deserializer<SchemaView> views,
                         Consumer<Set<Change>> listener) {
        LogTail tail = new LogTail(clientProperties, topics, state, views, listener);
        tail.thread.start();
        return tail;
    }

    private void run() {
        try {
            while (running) {
                assignTopicsThatExist();
                Set<Change> changed = EnumSet.noneOf(Change.class);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        apply(record).ifPresent(changed::add);
                    } catch (RuntimeException e) {
                        LOG.debug("console: skipping undecodable record {}/{}@{}: {}", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                    }
                }
                if (!changed.isEmpty()) {
                    listener.accept(changed);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (KafkaException e) {
            LOG.error("The console stopped following the topics: {}", e.getMessage(), e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Tributary's topics are created by whichever part starts first: until all exist, look again now and then. */
    private void assignTopicsThatExist() {
        List<String> wanted = List.of(topics.schemaHistory(), topics.gatewayStatus(), topics.catalogRejected(), topics.curation(),
                topics.catalog(), topics.heartbeat(), topics.usage());
        Instant now = Instant.now();
        if (assigned.size() == wanted.size() || now.isBefore(topicsCheckedAt.plus(RECHECK_TOPICS))) {
            return;
        }
        topicsCheckedAt = now;
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : wanted) {
            if (assigned.contains(topic)) {
                continue;
            }
            try {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
                if (partitions != null && !partitions.isEmpty()) {
                    partitions.forEach(p -> added.add(new TopicPartition(p.topic(), p.partition())));
                    assigned.add(topic);
                    if (topic.equals(topics.usage())) {
                        state.usageTopicFound();
                    }
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.debug("console: topic {} not there yet: {}", topic, e.getMessage());
            }
        }
        if (!added.isEmpty()) {
            Set<TopicPartition> all = new HashSet<>(consumer.assignment());
            all.addAll(added);
            consumer.assign(all);
            consumer.seekToBeginning(added);
        }
    }

    private Optional<Change> apply(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (topic.equals(topics.schemaHistory())) {
            if (record.value() == null) {
                return Optional.empty();
            }
            state.view(views.deserialize(topic, record.value()));
            return Optional.of(Change.VIEWS);
        }
        if (topic.equals(topics.gatewayStatus())) {
            state.gateway(key, record.value() == null ? null : gatewayStatus(record));
            return Optional.of(Change.GATEWAYS);
        }
        if (topic.equals(topics.catalogRejected())) {
            state.rejected(new ConsoleState.Rejected(record.offset(), Instant.ofEpochMilli(record.timestamp()).toString(), printableKey(record.key()),
                    header(record, Headers.REJECTED_REASON), header(record, Headers.REJECTED_SOURCE)));
            return Optional.of(Change.REJECTED);
        }
        if (topic.equals(topics.curation())) {
            state.rule(key, record.value() == null ? null : TributarySerdes.curation().deserializer().deserialize(topic, record.value()));
            return Optional.of(Change.CURATION);
        }
        if (topic.equals(topics.catalog())) {
            state.catalogRecord(topic, record.partition(), record.offset(), record.key(), record.value(), record.headers(), record.timestamp());
            return switch (CatalogEvents.decode(record.key(), record.value(), record.headers()).event()) {
                case LogEvent.Published published -> {
                    state.lease(published.key(), new ConsoleState.Lease(Instant.ofEpochMilli(record.timestamp()),
                            published.catalog().leaseMillis()));
                    yield Optional.of(Change.INSTANCES);
                }
                case LogEvent.Retracted retracted -> {
                    state.lease(retracted.key(), null);
                    yield Optional.of(Change.INSTANCES);
                }
                default -> Optional.empty();
            };
        }
        if (topic.equals(topics.usage()) && record.value() != null) {
            state.usage(TributarySerdes.usage().deserializer().deserialize(topic, record.value()));
            return Optional.of(Change.USAGE);
        }
        if (topic.equals(topics.heartbeat()) && record.value() != null) {
            Heartbeat heartbeat = TributarySerdes.heartbeat().deserializer().deserialize(topic, record.value());
            return state.renew(heartbeat.instanceKey(), Instant.ofEpochMilli(record.timestamp()))
                    ? Optional.of(Change.INSTANCES) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A status from a gateway older than periodic reporting has no report time: it reported when Kafka took it. */
    private static GatewayStatus gatewayStatus(ConsumerRecord<byte[], byte[]> record) {
        GatewayStatus s = TributarySerdes.gatewayStatus().deserializer().deserialize(record.topic(), record.value());
        return !s.reportedAt().equals(Instant.EPOCH) ? s : s.withReportedAt(Instant.ofEpochMilli(record.timestamp()));
    }

    private static String printableKey(byte[] key) {
        if (key == null) {
            return "";
        }
        return CatalogEvents.keyText(key).map(Printable::of).orElseGet(() -> Printable.hex(key, 64));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "" : Printable.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
