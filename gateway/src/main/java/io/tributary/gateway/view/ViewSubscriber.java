package io.tributary.gateway.view;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.GatewayProperties;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.view.SchemaView;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the schema topic from its beginning with a consumer of its own (no group: every gateway sees every view)
 * and hands the newest view of its graph to the {@link GraphHolder}.
 *
 * <p>Nothing Kafka does stops it. Its thread starts without waiting for Kafka (so the gateway starts, and serves its
 * cached view, while Kafka is down), creates its clients there, and then checks the link every couple of seconds
 * with an admin client: which cluster answers and whether the schema topic exists. Any failure (a timeout, a
 * disconnect, an unknown topic, an unresolvable host) makes the link {@linkplain KafkaLink disconnected}, and it
 * tries again with a backoff of 100 ms doubling to 2 s, forever. The link logs each change of state once, not each
 * retry.
 *
 * <p>A view record that cannot be decoded, or whose view cannot be applied, is logged with its topic, partition and
 * offset and skipped. When the cluster that answers is another one than the served view came from, that view is
 * withdrawn (it belongs to another cluster) and the topic is read again from its beginning.
 */
@Context
@Requires(env = Gateway.ENVIRONMENT)
public class ViewSubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(ViewSubscriber.class);
    static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    /** How often the link is checked while it is up: a lost broker is noticed within this, plus the check's timeout. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Deserializer<SchemaView> views = TributarySerdes.view().deserializer();
    private final String bootstrapServers;
    private final String clientId;
    private final String topic;
    private final String graph;
    private final GraphHolder holder;
    private final KafkaLink link;
    private final ViewCache cache;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;
    private Admin admin;
    private List<TopicPartition> assigned = List.of();
    private Uuid topicId;
    private String cluster;
    private long nextCheck;
    private String lastPollFailure;

    /**
     * Starts following; the cache is a parameter so that the cached view is in place, and the cache listens to the
     * holder, before the first view from Kafka arrives.
     */
    public ViewSubscriber(GatewayProperties properties, ServingProperties serving, GraphHolder holder, KafkaLink link,
                          ViewCache cache) {
        this.bootstrapServers = properties.getBootstrapServers();
        this.clientId = "tributary-gateway-views-" + serving.getGatewayId();
        this.topic = new Topics(properties.getTopicPrefix()).schema();
        this.graph = properties.getGraph();
        this.holder = holder;
        this.link = link;
        this.cache = cache;
        this.thread = Thread.ofPlatform().name("tributary-view-subscriber").daemon().start(this::run);
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        try {
            while (running) {
                try {
                    if (consumer == null) {
                        openClients();
                    }
                    if (!link.connected() || System.nanoTime() - nextCheck >= 0) {
                        check();
                        nextCheck = System.nanoTime() + CHECK_INTERVAL.toNanos();
                    }
                    if (!link.connected()) {
                        backoff = pause(backoff);
                    } else if (pollSafely()) {
                        backoff = MIN_BACKOFF;
                    } else {
                        backoff = pause(backoff);
                    }
                } catch (WakeupException e) {
                    LOG.debug("View subscriber woken up");
                } catch (InterruptException e) {
                    running = false;
                } catch (RuntimeException e) {
                    link.disconnected(describe(e));
                    backoff = pause(backoff);
                }
            }
        } catch (Error e) {
            LOG.error("View subscriber stopped by an error; this gateway no longer follows views", e);
            throw e;
        } finally {
            closeClients();
            LOG.debug("View subscriber stopped");
        }
    }

    /** Creates the clients; this does not wait for Kafka, but can fail (a bootstrap host that does not resolve). */
    private void openClients() {
        Map<String, Object> common = new HashMap<>();
        common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        common.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        common.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 3_000);
        common.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 5_000);
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(common);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
            admin = Admin.create(config);
        }
        Map<String, Object> config = new HashMap<>(common);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Asks Kafka which cluster answers and how the schema topic looks, and follows what it says: a served view of
     * another cluster is withdrawn, a new cluster or a recreated topic is read from its beginning.
     */
    private void check() {
        String answering = await(admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis()))
                .clusterId());
        if (cluster != null && !cluster.equals(answering)) {
            LOG.warn("Kafka at {} is another cluster now: {} (was {}); reading {} from its beginning", bootstrapServers, answering,
                    cluster, topic);
            unassign();
        }
        cluster = answering;
        holder.origin().filter(origin -> !origin.equals(answering)).ifPresent(origin -> withdraw(origin, answering));
        TopicDescription description;
        try {
            description = await(admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis()))
                    .allTopicNames()).get(topic);
        } catch (UnknownTopicOrPartitionException e) {
            unassign();
            link.topicMissing(answering);
            return;
        }
        List<TopicPartition> partitions = description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        if (!Objects.equals(topicId, description.topicId()) || !partitions.equals(assigned)) {
            if (topicId != null && !topicId.equals(description.topicId())) {
                LOG.warn("Schema topic {} was recreated; reading it from its beginning", topic);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assigned = partitions;
            topicId = description.topicId();
        }
        link.connected(answering);
    }

    private void withdraw(String origin, String answering) {
        SchemaView served = holder.current().map(ExecutableGraph::view).orElse(null);
        if (served == null) {
            return;
        }
        holder.withdraw((holder.servingCachedView() ? "cached view " : "view ") + served.version() + " belongs to cluster " + origin
                + ", this is cluster " + answering + " (Kafka at " + bootstrapServers + "); waiting for the first view of cluster "
                + answering);
    }

    private void unassign() {
        if (!assigned.isEmpty()) {
            consumer.assign(List.of());
        }
        assigned = List.of();
        topicId = null;
    }

    /**
     * Polls once; a record the consumer cannot hand over is skipped, and a failure of the poll itself is logged (once
     * until it changes) and makes the link be checked at once. Answers whether the poll went through.
     */
    private boolean pollSafely() {
        try {
            poll();
            lastPollFailure = null;
            return true;
        } catch (RecordDeserializationException e) {
            LOG.error("Skipping a record Kafka could not hand over at {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
            return true;
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            String failure = describe(e);
            if (!failure.equals(lastPollFailure)) {
                LOG.warn("Reading {} failed: {}; checking the link to Kafka and retrying", topic, failure);
            }
            lastPollFailure = failure;
            nextCheck = System.nanoTime();
            return false;
        }
    }

    /**
     * One poll; the newest view of this graph it brings that decodes is applied, and the ones after it that do not
     * decode are logged and skipped. Older views are not decoded at all: a gateway catching up reads many views in a
     * poll, and at Coursera scale each is megabytes that only the newest needs decoding.
     */
    private void poll() {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        long read = System.currentTimeMillis();
        List<ConsumerRecord<String, byte[]>> ofGraph = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            if (graph.equals(record.key()) && record.value() != null) {
                ofGraph.add(record);
            }
        }
        for (ConsumerRecord<String, byte[]> record : ofGraph.reversed()) {
            SchemaView view;
            try {
                view = views.deserialize(record.topic(), record.value());
            } catch (RuntimeException | StackOverflowError e) {
                LOG.error("Skipping undecodable view at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
                continue;
            }
            apply(view, record, read);
            return;
        }
    }

    /**
     * Applies the view, sharing what it has in common with the served one ({@link SharedRoutes}), and logs where its
     * time went: from the timestamp of the record that caused it (the view's record carries it) to this gateway reading
     * it, decoding and applying it.
     */
    private void apply(SchemaView fresh, ConsumerRecord<String, byte[]> record, long read) {
        SchemaView view = fresh;
        try {
            view = holder.current().map(served -> SharedRoutes.with(fresh, served.view())).orElse(fresh);
            cache.received(view, record.value());
            long decoded = System.currentTimeMillis();
            long cpu = THREADS.getCurrentThreadCpuTime();
            boolean applied = holder.apply(view, cluster);
            if (applied) {
                LOG.info("View {} read {} ms after its cause's record ({} bytes), decoded in {} ms, applied in {} ms ({} ms of CPU)",
                        view.version(), read - record.timestamp(), record.serializedValueSize(), decoded - read,
                        System.currentTimeMillis() - decoded, (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000);
            }
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Skipping view {} at {}-{}@{}: it could not be applied: {}", view.version(), record.topic(), record.partition(),
                    record.offset(), e.toString(), e);
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

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(CHECK_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("no answer within " + CHECK_TIMEOUT.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /** The failure and its causes in one line: {@code KafkaException: Failed to create ...: No resolvable bootstrap urls ...}. */
    static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(e.getClass().getSimpleName());
        String last = null;
        for (Throwable t = e; t != null && message.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().equals(last) && (last == null || !last.contains(t.getMessage()))) {
                message.append(": ").append(t.getMessage());
                last = t.getMessage();
            }
        }
        return message.length() <= 300 ? message.toString() : message.substring(0, 297) + "...";
    }

    private void closeClients() {
        try {
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(2));
            }
        } catch (RuntimeException e) {
            LOG.debug("Closing the view consumer failed: {}", e.toString());
        }
        try {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        } catch (RuntimeException e) {
            LOG.debug("Closing the view admin client failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        stopping.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(Duration.ofSeconds(5));
    }
}
