package io.tributary.publisher;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.Heartbeat;
import io.tributary.catalog.ServiceCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's presence in the graph, from start to stop: publishes its catalog, renews its lease with small
 * heartbeats (never by rewriting the catalog), and retracts it on close. When Kafka is unreachable it keeps the
 * service running and publishes as soon as Kafka is back, unless told to fail fast; its {@link Status} says which.
 */
public final class InstancePublication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InstancePublication.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    /** How long a send (or a topic creation) may wait for Kafka before the attempt counts as failed and is retried. */
    private static final int DEFAULT_MAX_BLOCK_MS = 5_000;

    /**
     * Where and how to publish; {@link #of} gives the defaults: a heartbeat every 10 s, keep retrying, create the topics
     * that are missing before the first publication (so a service may start before the aggregator, on an empty broker).
     */
    public record Settings(String bootstrapServers, Topics topics, Map<String, Object> kafkaProperties,
                           Duration heartbeatInterval, boolean failFast, boolean createTopics) {
        public Settings {
            kafkaProperties = Map.copyOf(kafkaProperties);
            if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
                throw new IllegalArgumentException("heartbeat interval must be positive, was " + heartbeatInterval);
            }
        }

        public static Settings of(String bootstrapServers, Topics topics) {
            return new Settings(bootstrapServers, topics, Map.of(), Duration.ofSeconds(10), false, true);
        }

        public Settings withHeartbeatInterval(Duration interval) {
            return new Settings(bootstrapServers, topics, kafkaProperties, interval, failFast, createTopics);
        }

        public Settings withFailFast(boolean failFast) {
            return new Settings(bootstrapServers, topics, kafkaProperties, heartbeatInterval, failFast, createTopics);
        }

        /** Whether to create Tributary's missing topics before the first publication (on by default). */
        public Settings withCreateTopics(boolean create) {
            return new Settings(bootstrapServers, topics, kafkaProperties, heartbeatInterval, failFast, create);
        }

        public Settings withKafkaProperties(Map<String, Object> properties) {
            return new Settings(bootstrapServers, topics, properties, heartbeatInterval, failFast, createTopics);
        }
    }

    /** Where the publication stands. */
    public enum State {
        /** Kafka has not acknowledged the catalog yet; retrying. */
        CONNECTING,
        /** The catalog is published and the lease is being renewed. */
        PUBLISHED,
        /** Closed; the catalog was retracted if it had been published. */
        RETRACTED
    }

    /** The state, since when, how many heartbeats were acknowledged, and the last error (empty when none). */
    public record Status(State state, Instant since, long heartbeats, String lastError) {
    }

    private final ServiceCatalog catalog;
    private final byte[] encodedCatalog;
    private final Settings settings;
    private final Producer<String, byte[]> producer;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Clock clock;
    private Status status;
    private boolean republish = true;
    private boolean topicsEnsured;
    private Duration retryDelay = Duration.ofSeconds(1);

    private InstancePublication(ServiceCatalog catalog, Settings settings, Clock clock) {
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.encodedCatalog = TributarySerdes.catalog().serializer().serialize(settings.topics().catalog(), catalog);
        Map<String, Object> config = producerConfig(settings);
        CatalogSizeCheck.requireFits(catalog.instanceKey(), encodedCatalog.length, config);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.scheduler = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("tributary-publication-" + catalog.service()).daemon().factory());
        // On close, renewals not yet due are dropped, but a publish already under way finishes, so it can be retracted.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.status = new Status(State.CONNECTING, clock.instant(), 0, "");
    }

    /**
     * Starts publishing. With {@code failFast} the first publish happens now and a failure throws
     * {@link PublishException}; otherwise it happens in the background, retried until Kafka answers.
     */
    public static InstancePublication start(ServiceCatalog catalog, Settings settings) {
        InstancePublication publication = new InstancePublication(catalog, settings, Clock.systemUTC());
        if (settings.failFast()) {
            try {
                publication.publishCatalog();
            } catch (PublishException e) {
                publication.closeQuietly();
                throw e;
            }
            publication.scheduleHeartbeat();
        } else {
            publication.scheduler.execute(publication::renew);
        }
        return publication;
    }

    public synchronized Status status() {
        return status;
    }

    public ServiceCatalog catalog() {
        return catalog;
    }

    /** One round: publish the catalog if Kafka has not got it (or may have lost our lease), else send a heartbeat. */
    private void renew() {
        try {
            if (needsCatalog()) {
                publishCatalog();
            } else {
                sendHeartbeat();
            }
            retryDelay = Duration.ofSeconds(1);
            scheduleHeartbeat();
        } catch (PublishException e) {
            failed(e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure renewing the publication of {}", catalog.instanceKey(), e);
            failed(new PublishException(e.getMessage(), e));
        }
    }

    private synchronized boolean needsCatalog() {
        return republish;
    }

    private void publishCatalog() {
        ensureTopics();
        send(settings.topics().catalog(), encodedCatalog);
        synchronized (this) {
            republish = false;
            status = new Status(State.PUBLISHED, clock.instant(), status.heartbeats(), "");
        }
        LOG.info("Published catalog of {} {} ({} resources, {} bytes) at {}", catalog.instanceKey(), catalog.serviceVersion(),
                catalog.resources().size(), encodedCatalog.length, catalog.baseUrl());
    }

    /** Creates the missing topics once, before the first publication: a broker's auto-created topic would lack compaction. */
    private void ensureTopics() {
        if (!settings.createTopics() || topicsEnsured) {
            return;
        }
        // As patient as a send: the admin calls are bounded by the producer's max.block.ms, so a retry comes as soon.
        Map<String, Object> client = new java.util.HashMap<>(settings.kafkaProperties());
        Object patience = client.remove(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        int timeout = patience == null ? DEFAULT_MAX_BLOCK_MS : Integer.parseInt(patience.toString());
        client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        client.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        client.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        try {
            TopicProvisioner.ensure(client, settings.topics(), TopicProvisioner.BROKER_DEFAULT_REPLICATION);
        } catch (IllegalStateException e) {
            throw new PublishException("could not publish " + catalog.instanceKey() + " to " + settings.topics().catalog() + ": "
                    + e.getMessage(), e);
        }
        topicsEnsured = true;
    }

    private void sendHeartbeat() {
        Heartbeat heartbeat = new Heartbeat(catalog.service(), catalog.instanceId(), clock.instant(), catalog.leaseMillis());
        send(settings.topics().heartbeat(), TributarySerdes.heartbeat().serializer().serialize(settings.topics().heartbeat(), heartbeat));
        synchronized (this) {
            status = new Status(State.PUBLISHED, status.since(), status.heartbeats() + 1, "");
        }
    }

    private void failed(PublishException e) {
        synchronized (this) {
            if (status.state() == State.RETRACTED) {
                return;
            }
            // Heartbeats may have failed past the lease: the aggregator may have expired us, so publish the catalog again.
            republish = true;
            status = new Status(status.state(), status.since(), status.heartbeats(), e.getMessage());
        }
        LOG.warn("Kafka at {} did not take {}'s {}; retrying in {} s: {}", settings.bootstrapServers(), catalog.instanceKey(),
                status.state() == State.CONNECTING ? "catalog" : "heartbeat", retryDelay.toSeconds(), e.getMessage());
        schedule(retryDelay);
        retryDelay = retryDelay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : retryDelay.multipliedBy(2);
    }

    private void scheduleHeartbeat() {
        schedule(settings.heartbeatInterval());
    }

    private void schedule(Duration delay) {
        if (!scheduler.isShutdown()) {
            scheduler.schedule(this::renew, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void send(String topic, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, catalog.instanceKey(), value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing " + catalog.instanceKey(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                throw new CatalogTooLargeException(catalog.instanceKey() + "'s catalog is " + encodedCatalog.length
                        + " bytes, more than the broker accepts on " + topic + " (its max.message.bytes): "
                        + e.getCause().getMessage());
            }
            throw new PublishException("could not publish " + catalog.instanceKey() + " to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new PublishException("could not publish " + catalog.instanceKey() + " to " + topic + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops renewing and retracts the catalog with a tombstone, if it was published. A publish under way is
     * allowed to finish first (it is bounded by the producer's timeouts), so a quick stop never leaves a catalog
     * behind without its tombstone.
     */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(15, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean published;
        synchronized (this) {
            published = status.state() == State.PUBLISHED;
            status = new Status(State.RETRACTED, clock.instant(), status.heartbeats(), status.lastError());
        }
        try {
            if (published) {
                producer.send(new ProducerRecord<>(settings.topics().catalog(), catalog.instanceKey(), null)).get(10, TimeUnit.SECONDS);
                LOG.info("Retracted catalog of {}", catalog.instanceKey());
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not retract {}; its lease will expire instead: {}", catalog.instanceKey(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void closeQuietly() {
        scheduler.shutdownNow();
        producer.close(Duration.ZERO);
    }

    private static Map<String, Object> producerConfig(Settings settings) {
        Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Bounded waits, so an unreachable Kafka turns into a retry (or a fail-fast error) instead of a long hang.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULT_MAX_BLOCK_MS);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }
}
