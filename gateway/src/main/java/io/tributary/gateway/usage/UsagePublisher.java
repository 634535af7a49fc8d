package io.tributary.gateway.usage;

import io.tributary.avro.TributarySerdes;
import io.tributary.usage.UsageReport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the recorder's interval to the usage topic every interval, from a thread of its own that also creates the
 * producer, so nothing on the request path or at startup waits for Kafka. An interval that saw no request sends
 * nothing. On a clean shutdown the last interval is sent before the producer closes, when Kafka answers (a gateway
 * shutting down while Kafka is away does not wait for it). A report Kafka does not take is
 * logged (once until reporting works again) and lost: usage is a sample for checks, not a ledger.
 */
public final class UsagePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UsagePublisher.class);

    private final Supplier<Producer<String, UsageReport>> producers;
    private final String topic;
    private final UsageRecorder recorder;
    private final Duration interval;
    private final BooleanSupplier kafkaAnswers;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile Producer<String, UsageReport> producer;

    public UsagePublisher(Supplier<Producer<String, UsageReport>> producers, String topic, UsageRecorder recorder, Duration interval,
                          BooleanSupplier kafkaAnswers) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("tributary.gateway.usage.interval must be positive, was " + interval);
        }
        this.producers = producers;
        this.topic = topic;
        this.recorder = recorder;
        this.interval = interval;
        this.kafkaAnswers = kafkaAnswers;
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tributary-gateway-usage").daemon().factory());
    }

    /** A publisher whose producer reaches {@code bootstrapServers}; {@code kafkaAnswers} says whether a last report is worth sending on close. */
    public static UsagePublisher toKafka(String bootstrapServers, String topic, String gatewayId, UsageRecorder recorder, Duration interval,
                                         BooleanSupplier kafkaAnswers) {
        return new UsagePublisher(() -> producer(bootstrapServers, gatewayId), topic, recorder, interval, kafkaAnswers);
    }

    private static Producer<String, UsageReport> producer(String bootstrapServers, String gatewayId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-gateway-usage-" + gatewayId);
        return new KafkaProducer<>(config, new StringSerializer(), TributarySerdes.usage().serializer());
    }

    /** Publishes every interval from now on. */
    public UsagePublisher start() {
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::publish, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Sends the interval that just ended, if it saw a request; the send completes in the background. */
    void publish() {
        Optional<UsageReport> report = recorder.drain();
        if (report.isEmpty()) {
            return;
        }
        try {
            if (producer == null) {
                producer = producers.get();
            }
            producer.send(new ProducerRecord<>(topic, report.get().gatewayId(), report.get()), (metadata, error) -> {
                if (error == null) {
                    if (failing.getAndSet(false)) {
                        LOG.info("Publishing usage to {} works again", topic);
                    }
                } else {
                    failed(error);
                }
            });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(Throwable error) {
        if (!failing.getAndSet(true)) {
            LOG.warn("Could not publish a usage report to {}: {}; the next interval tries again", topic, error.toString());
        }
    }

    /** Stops publishing, sends what the current interval holds and closes the producer. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (kafkaAnswers.getAsBoolean()) {
            publish();
        }
        Producer<String, UsageReport> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
    }
}
