package io.tributary.testkit;

import kafka.server.ControllerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A real Apache Kafka broker (KRaft mode, one combined broker and controller node) running inside this JVM.
 *
 * <p>It exists so that every test that touches Kafka, and {@code tributary dev}, run against the real broker
 * code from Maven Central (transactions, compaction, consumer groups and all) without Docker or an external
 * process. It is configured for a single node: internal topics have replication factor 1, the first consumer
 * group rebalances at once, topics are never created implicitly, and its data lives under
 * {@code java.io.tmpdir} and is deleted on close.
 *
 * <p>Use {@link #shared()} in tests that only need <em>a</em> broker; use {@link #start()} or
 * {@link #start(int)} in tests that stop the broker, and close it yourself.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    /** The broker listener, which the test kit pre-binds to an ephemeral port whatever {@code listeners} says. */
    private static final String KIT_LISTENER = "EXTERNAL";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** An extra client listener on a fixed port; the test kit only pre-binds its own listeners to ephemeral ports. */
    private static final String FIXED_PORT_LISTENER = "CLIENT";

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private static final Object SHARED_LOCK = new Object();
    private static volatile EmbeddedKafka shared;

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private final boolean isShared;
    private Admin admin;
    private boolean closed;

    private EmbeddedKafka(KafkaClusterTestKit cluster, String bootstrapServers, boolean isShared) {
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
        this.isShared = isShared;
    }

    /**
     * The broker shared by everything in this JVM, started on the first call (callers racing that call all wait
     * for, and get, the same broker). A shutdown hook closes it when the JVM exits; {@link #close()} on it does
     * nothing, so that no test can stop it for the others.
     */
    public static EmbeddedKafka shared() {
        EmbeddedKafka instance = shared;
        if (instance == null) {
            synchronized (SHARED_LOCK) {
                instance = shared;
                if (instance == null) {
                    instance = launch(0, true);
                    Runtime.getRuntime().addShutdownHook(
                            Thread.ofPlatform().name("embedded-kafka-shutdown").unstarted(instance::shutdown));
                    shared = instance;
                }
            }
        }
        return instance;
    }

    /**
     * Starts a new broker of its own, independent of {@link #shared()}, on an ephemeral port. The caller closes it,
     * e.g. to see what a service does while Kafka is down.
     */
    public static EmbeddedKafka start() {
        return launch(0, false);
    }

    /**
     * Starts a new broker of its own whose clients connect to {@code localhost:port}, so that a client can be
     * configured with the address before the broker exists, or the broker can come back on the same address
     * after a {@link #close()} (as a new, empty cluster). The caller closes it.
     *
     * @throws IllegalStateException if the broker cannot start, e.g. because the port is taken
     */
    public static EmbeddedKafka start(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 1..65535, was " + port);
        }
        return launch(port, false);
    }

    /** The {@code bootstrap.servers} value clients use, e.g. {@code localhost:40123}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates a topic with replication factor 1 and the given topic configs (e.g. {@code cleanup.policy=compact}),
     * and returns once the broker serves every partition of it.
     *
     * @throws org.apache.kafka.common.errors.TopicExistsException if the topic exists (other Kafka errors likewise)
     */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configs, "configs");
        Admin client = admin();
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        await(client.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all(),
                deadline, "create topic " + name);
        // The controller has committed the topic; wait for the broker's metadata to serve all its partitions.
        while (!isServed(client, name, partitions, deadline)) {
            pause(deadline, "topic " + name + " to be served");
        }
    }

    /**
     * Stops the broker and deletes its data. Does nothing on the {@link #shared()} broker, which a shutdown
     * hook closes when the JVM exits.
     */
    @Override
    public void close() {
        if (isShared) {
            LOG.debug("close() on the shared broker is ignored: it is closed when the JVM exits");
            return;
        }
        shutdown();
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers + (isShared ? ", shared" : "") + "]";
    }

    private static EmbeddedKafka launch(int fixedPort, boolean isShared) {
        long started = System.nanoTime();
        KafkaClusterTestKit cluster;
        try {
            Path baseDirectory = Files.createTempDirectory("tributary-kafka-");
            TestKitNodes nodes = new TestKitNodes.Builder(productionBootstrapMetadata())
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDirectory)
                    .setBrokerListenerName(ListenerName.normalised(KIT_LISTENER))
                    .setControllerListenerName(ListenerName.normalised(CONTROLLER_LISTENER))
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
            brokerConfig(fixedPort).forEach(builder::setConfigProp);
            cluster = builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("Could not configure an embedded Kafka broker", e);
        }
        try {
            format(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(cluster);
            String where = fixedPort == 0 ? "" : " on localhost:" + fixedPort;
            throw new IllegalStateException("Could not start an embedded Kafka broker" + where, e);
        }
        String bootstrapServers = fixedPort == 0 ? cluster.bootstrapServers() : "localhost:" + fixedPort;
        LOG.info("Embedded Kafka broker{} ready at {} in {} ms", isShared ? " (shared)" : "", bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new EmbeddedKafka(cluster, bootstrapServers, isShared);
    }

    /**
     * The test kit bootstraps with the newest metadata version, which is unreleased and for testing only;
     * a real cluster formatted with this Kafka release starts at the latest production version and its features.
     */
    private static BootstrapMetadata productionBootstrapMetadata() {
        MetadataVersion version = MetadataVersion.LATEST_PRODUCTION;
        Map<String, Short> features = Feature.PRODUCTION_FEATURES.stream()
                .collect(Collectors.toMap(Feature::featureName, f -> f.defaultLevel(version), (a, b) -> a, TreeMap::new));
        return BootstrapMetadata.fromVersions(version, features, "tributary testkit");
    }

    /**
     * Formats the node's storage as {@code kafka-storage format --release-version} would. Replaces
     * {@link KafkaClusterTestKit#format()}, which prints the bootstrap metadata to {@code System.out} (on the
     * console of {@code tributary dev}) and formats with unstable feature versions enabled.
     */
    private static void format(KafkaClusterTestKit cluster) throws Exception {
        for (ControllerServer controller : cluster.controllers().values()) {
            MetaPropertiesEnsemble ensemble = controller.sharedServer().metaPropsEnsemble();
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(ensemble.nodeId().getAsInt())
                    .setClusterId(ensemble.clusterId().orElseThrow())
                    .setDirectories(ensemble.logDirProps().keySet())
                    .setMetadataLogDirectory(ensemble.metadataLogDir())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(false)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        }
    }

    private static Map<String, String> brokerConfig(int fixedPort) {
        Map<String, String> config = new LinkedHashMap<>();
        // One node: every internal topic gets one replica (Kafka Streams' exactly_once_v2 needs the transaction log).
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        // Tests should not wait for a first consumer group rebalance.
        config.put("group.initial.rebalance.delay.ms", "0");
        // The project creates its topics explicitly; a typo must not create one.
        config.put("auto.create.topics.enable", "false");
        // The test kit enables unreleased APIs and features by default; behave like a released broker.
        config.put("unstable.api.versions.enable", "false");
        config.put("unstable.feature.versions.enable", "false");
        // Short shutdown: one node has no one to hand its partitions to, and its data is deleted anyway.
        config.put("controlled.shutdown.enable", "false");
        // Fewer threads than a production broker: this one shares two cores with the tests.
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        config.put("log.cleaner.threads", "1");
        if (fixedPort != 0) {
            // Bound on every address (as the test kit binds its own), so that "localhost" reaches it over IPv4 or
            // IPv6 and any other listener on the port makes the start fail; advertised to clients as localhost.
            config.put("listeners", "%s://localhost:0,%s://localhost:0,%s://:%d"
                    .formatted(KIT_LISTENER, CONTROLLER_LISTENER, FIXED_PORT_LISTENER, fixedPort));
            config.put("advertised.listeners", "%s://localhost:0,%s://localhost:%d"
                    .formatted(KIT_LISTENER, FIXED_PORT_LISTENER, fixedPort));
            config.put("listener.security.protocol.map", "%s:PLAINTEXT,%s:PLAINTEXT,%s:PLAINTEXT"
                    .formatted(KIT_LISTENER, CONTROLLER_LISTENER, FIXED_PORT_LISTENER));
        }
        return config;
    }

    private synchronized Admin admin() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "tributary-testkit-admin"));
        }
        return admin;
    }

    private static boolean isServed(Admin client, String topic, int partitions, long deadline) {
        try {
            TopicDescription description = await(
                    client.describeTopics(List.of(topic)).allTopicNames(), deadline, "describe topic " + topic)
                    .get(topic);
            return description.partitions().size() == partitions
                    && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (UnknownTopicOrPartitionException notYet) {
            return false;
        }
    }

    private static <T> T await(KafkaFuture<T> future, long deadline, String what) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("Could not " + what, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + TOPIC_TIMEOUT + " trying to " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, e);
        }
    }

    /** A short back-off between two looks at broker metadata, bounded by the deadline. */
    private static void pause(long deadline, String what) {
        if (System.nanoTime() >= deadline) {
            throw new IllegalStateException("Timed out after " + TOPIC_TIMEOUT + " waiting for " + what);
        }
        try {
            TimeUnit.MILLISECONDS.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }

    private void shutdown() {
        Admin client;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            client = admin;
            admin = null;
        }
        long started = System.nanoTime();
        if (client != null) {
            client.close(Duration.ofSeconds(5));
        }
        try {
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Embedded Kafka broker at " + bootstrapServers + " did not close cleanly", e);
        }
        LOG.info("Embedded Kafka broker at {} closed in {} ms", bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Embedded Kafka broker did not close cleanly after a failed start", e);
        }
    }
}
