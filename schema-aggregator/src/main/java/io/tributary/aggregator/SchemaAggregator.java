package io.tributary.aggregator;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.avro.Topics;
import io.tributary.compose.CompositionSettings;
import io.tributary.lint.LintSettings;
import io.tributary.view.FoldSettings;
import java.util.Map;
import io.tributary.view.SchemaView;
import java.util.Optional;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A running aggregator: the topology inside a {@link KafkaStreams} configured to emit a view promptly (each
 * transaction committed as soon as its records are processed, no record cache, no producer linger), exactly once by
 * default. No record can stop it (the processors
 * reject what they cannot use, and the exception handlers catch what slips past); a stream thread that a client or
 * broker error kills is replaced a few times ({@link StreamThreadFailures}), and a client that dies anyway is reported
 * to the failure callback, so a process can exit and be restarted instead of lingering half dead.
 *
 * <p>Fast failover: the state directory is persistent by default, and the client is a static group member whose id
 * follows from the host and the state directory, so a replacement started after a crash (same host, same state
 * directory) takes over the dead one's partitions and transactions at once instead of after the session timeout.
 */
public final class SchemaAggregator implements AutoCloseable {

    /** Survives reboots, unlike the temp folder: a restarted aggregator resumes from its own state. */
    public static final Path DEFAULT_STATE_DIR = Path.of(System.getProperty("user.home"), ".tributary", "aggregator-state");
    /** How long the group waits for a crashed aggregator without a replacement before giving its work to a standby. */
    static final int SESSION_TIMEOUT_MS = 10_000;
    /** Largest record the aggregator produces (views at Coursera scale carry megabytes of SDL, compressed to a few hundred KB). */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SchemaAggregator.class);

    /** What an aggregator needs to run: {@link #of(String)} for the defaults, {@link #builder(String)} to change some. */
    public record Config(String bootstrapServers, String applicationId, Topics topics, String graph, Path stateDir,
                         String processingGuarantee, int standbyReplicas, CompositionSettings composition, LintSettings lint,
                         Map<String, Object> kafkaProperties, Duration expiryGrace) {
        public Config {
            kafkaProperties = Map.copyOf(kafkaProperties);
        }

        public static Config of(String bootstrapServers) {
            return builder(bootstrapServers).build();
        }

        public static Builder builder(String bootstrapServers) {
            return new Builder(bootstrapServers);
        }

        /** The defaults, each of which may be set: exactly once, no standbys, default settings, 30 s expiry grace. */
        public static final class Builder {
            private final String bootstrapServers;
            private String applicationId = "tributary-aggregator";
            private Topics topics = Topics.withDefaultPrefix();
            private String graph = "default";
            private Path stateDir = DEFAULT_STATE_DIR;
            private int standbyReplicas;
            private CompositionSettings composition = CompositionSettings.DEFAULT;
            private LintSettings lint = LintSettings.DEFAULT;
            private Map<String, Object> kafkaProperties = Map.of();
            private Duration expiryGrace = Duration.ofSeconds(30);

            private Builder(String bootstrapServers) {
                this.bootstrapServers = bootstrapServers;
            }

            public Builder applicationId(String id) {
                this.applicationId = id;
                return this;
            }

            public Builder topics(Topics value) {
                this.topics = value;
                return this;
            }

            public Builder graph(String name) {
                this.graph = name;
                return this;
            }

            public Builder stateDir(Path dir) {
                this.stateDir = dir;
                return this;
            }

            /** Warm copies of the state on other aggregator instances, for a fast take-over (0 by default). */
            public Builder standbyReplicas(int replicas) {
                this.standbyReplicas = replicas;
                return this;
            }

            public Builder composition(CompositionSettings settings) {
                this.composition = settings;
                return this;
            }

            public Builder lint(LintSettings settings) {
                this.lint = settings;
                return this;
            }

            /** Any Kafka client property (SASL, TLS, ...), passed to Kafka Streams as is. */
            public Builder kafkaProperties(Map<String, Object> properties) {
                this.kafkaProperties = properties;
                return this;
            }

            /** How long after start no lease expires, while the heartbeat backlog is read (30 s by default). */
            public Builder expiryGrace(Duration grace) {
                this.expiryGrace = grace;
                return this;
            }

            public Config build() {
                return new Config(bootstrapServers, applicationId, topics, graph, stateDir, StreamsConfig.EXACTLY_ONCE_V2, standbyReplicas,
                        composition, lint, kafkaProperties, expiryGrace);
            }
        }
    }

    private final KafkaStreams streams;
    private final PrometheusMeterRegistry metrics;
    private final String graph;
    private final KafkaStreamsMetrics streamsMetrics;
    private final Config config;
    private final ViewBytes viewBytes;

    private SchemaAggregator(KafkaStreams streams, PrometheusMeterRegistry metrics, Config config, ViewBytes viewBytes) {
        this.streams = streams;
        this.viewBytes = viewBytes;
        this.metrics = metrics;
        this.graph = config.graph();
        this.config = config;
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
    }

    public static SchemaAggregator start(Config config) {
        return start(config, failure -> LOG.error("The aggregator's Kafka Streams client stopped: {}", failure.getMessage(), failure));
    }

    /**
     * Starts an aggregator that calls {@code onFailure} (once, from a thread of its own) if its Kafka Streams client
     * dies: a record it could not get past, a missing topic, fenced by another instance.
     */
    public static SchemaAggregator start(Config config, Consumer<Throwable> onFailure) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AggregatorTopology.Settings settings = new AggregatorTopology.Settings(config.graph(),
                new FoldSettings(config.composition(), config.lint()), Duration.ofSeconds(1), config.expiryGrace(), metrics);
        ViewBytes viewBytes = new ViewBytes();
        KafkaStreams streams = new KafkaStreams(AggregatorTopology.build(new StreamsBuilder(), config.topics(), settings, viewBytes),
                streamsProperties(config));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        streams.setUncaughtExceptionHandler(new StreamThreadFailures(InstantSource.system(), exception -> failure.compareAndSet(null, exception)));
        streams.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.ERROR) {
                Throwable cause = Optional.ofNullable(failure.get())
                        .orElseGet(() -> new IllegalStateException("Kafka Streams went from " + oldState + " to ERROR"));
                Thread.ofPlatform().name("tributary-aggregator-failure").start(() -> onFailure.accept(cause));
            }
        });
        streams.start();
        return new SchemaAggregator(streams, metrics, config, viewBytes);
    }

    /** The latest view of the graph, read from the aggregator's own store; empty before the first view or while restoring. */
    public Optional<SchemaView> currentView() {
        try {
            ReadOnlyKeyValueStore<String, SchemaView> views = streams.store(StoreQueryParameters.fromNameAndType(
                    AggregatorStores.VIEWS, QueryableStoreTypes.<String, SchemaView>keyValueStore()));
            return Optional.ofNullable(views.get(graph));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    /** What this aggregator was started with: where its topics are, for readers such as the console. */
    public Config config() {
        return config;
    }

    /** The views this aggregator encoded last, for readers of its topics in this process. */
    public ViewBytes viewBytes() {
        return viewBytes;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    static Properties streamsProperties(Config config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        // Commit as soon as processing is done: a view is readable (read_committed) only once its transaction commits,
        // and with an interval the commit waited for it, and then for the next poll (up to poll.ms): 0-200 ms per view.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 0);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        // Views come compressed already (one zstd frame, written once for every topic); zstd passes over them quickly,
        // and compresses the rest: catalogs and fold state in the stores' changelogs, relayed and rejected records.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG), 1);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_REQUEST_BYTES);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), SESSION_TIMEOUT_MS);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), SESSION_TIMEOUT_MS / 4);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), staticMemberId(config));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizedOutputHandler.class);
        props.put(RejectingProcessingHandler.REJECTED_TOPIC_CONFIG, config.topics().catalogRejected());
        props.putAll(config.kafkaProperties());
        return props;
    }

    /**
     * The static group member id: the same for a replacement on the same host with the same state directory (so it
     * takes over at once), different for a standby elsewhere or a second instance with its own state directory.
     */
    static String staticMemberId(Config config) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String where = host + ":" + config.stateDir().toAbsolutePath().normalize();
        return config.applicationId() + "-" + Integer.toHexString(where.hashCode());
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        // Leave the group, so a restarted or standby aggregator takes over now instead of after the session timeout.
        streams.close(CloseOptions.timeout(Duration.ofSeconds(10))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        streamsMetrics.close();
        metrics.close();
    }
}
