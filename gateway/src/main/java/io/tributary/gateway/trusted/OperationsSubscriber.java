package io.tributary.gateway.trusted;

import io.tributary.avro.TributarySerdes;
import io.tributary.operations.RegisteredOperation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the operations topic from its beginning with a consumer of its own (no group: every gateway reads every
 * registration) into {@link RegisteredOperations}, so all gateways agree on the trusted documents. It starts without
 * waiting for Kafka and retries forever, with a backoff, while Kafka or the topic is missing; a record that cannot be
 * decoded is logged and skipped. It has {@linkplain #caughtUp() caught up} once it read the topic to the end it had
 * when it started reading.
 */
public final class OperationsSubscriber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsSubscriber.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Deserializer<RegisteredOperation> operations = TributarySerdes.registeredOperation().deserializer();
    private final String bootstrapServers;
    private final String topic;
    private final String clientId;
    private final RegisteredOperations registered;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean caughtUp;
    private Map<TopicPartition, Long> ends = Map.of();
    private String lastFailure;

    private OperationsSubscriber(String bootstrapServers, String topic, String clientId, RegisteredOperations registered) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.clientId = clientId;
        this.registered = registered;
        this.thread = Thread.ofPlatform().name("tributary-operations-subscriber").daemon().unstarted(this::run);
    }

    /** Starts following {@code topic} into {@code registered}. */
    public static OperationsSubscriber start(String bootstrapServers, String topic, String clientId, RegisteredOperations registered) {
        OperationsSubscriber subscriber = new OperationsSubscriber(bootstrapServers, topic, clientId, registered);
        subscriber.thread.start();
        return subscriber;
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        try {
            while (running) {
                try {
                    if (consumer == null) {
                        consumer = newConsumer();
                    }
                    if (consumer.assignment().isEmpty() && !assign()) {
                        backoff = pause(backoff);
                        continue;
                    }
                    poll();
                    lastFailure = null;
                    backoff = MIN_BACKOFF;
                } catch (WakeupException e) {
                    LOG.debug("Operations subscriber woken up");
                } catch (InterruptException e) {
                    running = false;
                } catch (RuntimeException e) {
                    String failure = e.toString();
                    if (!failure.equals(lastFailure)) {
                        LOG.warn("Reading the trusted documents from {} failed: {}; retrying", topic, failure);
                    }
                    lastFailure = failure;
                    backoff = pause(backoff);
                }
            }
        } finally {
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(2));
            }
        }
    }

    private Consumer<String, byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Assigns every partition of the topic from its beginning; false while the topic does not exist. */
    private boolean assign() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            return false;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        ends = consumer.endOffsets(partitions);
        return true;
    }

    /** Whether every registration that was on the topic when this gateway started reading it has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            if (record.key() == null) {
                continue;
            }
            try {
                registered.apply(record.key(), record.value() == null ? null : operations.deserialize(record.topic(), record.value()));
            } catch (RuntimeException e) {
                LOG.error("Skipping an undecodable registered operation at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        if (!caughtUp && ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
            caughtUp = true;
            LOG.info("Read {} trusted documents from {}", registered.size(), topic);
        }
    }

    private Duration pause(Duration backoff) {
        try {
            stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    @Override
    public void close() {
        running = false;
        stopping.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
