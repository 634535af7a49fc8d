package io.tributary.cli.bench;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.catalog.SyntheticGraph;
import io.tributary.publisher.InstancePublication;
import io.tributary.view.Cause.EventKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The instances of a {@link SyntheticGraph}, and the changes a benchmark makes to them, each of which makes one new
 * view. The fleet starts with one long-leased instance per service. Then, one service after another, a cycle of six
 * changes: a <b>deploy</b> (a new instance of the next version starts, through the publisher), the <b>retraction</b>
 * of the old instance, a <b>rollback</b> (a new instance of the previous version), the <b>retraction</b> of the newer
 * one, the <b>deploy</b> of an instance that then crashes (a one-second lease and no heartbeats) and the
 * <b>lease expiry</b> the aggregator writes for it.
 */
final class Fleet implements AutoCloseable {
    /**
     * One change: what it is, and the action that makes it, which answers the instance the change's view will name
     * (an expiry's action does nothing: the aggregator writes it).
     */
    record Change(String kind, Supplier<String> action, EventKind event) {
    }

    private static final long CRASH_LEASE_MILLIS = 1_000;
    private static final long LEASE_MILLIS = 60_000;

    private final SyntheticGraph graph;
    private final String bootstrap;
    private final Topics topics;
    private final KafkaProducer<String, byte[]> producer;
    /** Per service, its live instances, oldest first: publications, or (the fleet's first ones) catalogs written directly. */
    private final Map<Integer, Deque<Object>> live = new HashMap<>();
    private final Map<Integer, Integer> versions = new HashMap<>();
    private int generation;
    private int cycle;
    private String crashed;

    Fleet(SyntheticGraph graph, String bootstrap, Topics topics) {
        this.graph = graph;
        this.bootstrap = bootstrap;
        this.topics = topics;
        // As the publisher's producer is configured (InstancePublication): acknowledged by all replicas, idempotent, no linger.
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes version 1 of every service, one instance each, leased for a day. */
    void load() {
        for (int s = 0; s < graph.services(); s++) {
            ServiceCatalog catalog = graph.catalog(s, 1, "i-0", SyntheticGraph.DAY_MILLIS);
            write(catalog.instanceKey(), catalog);
            live.computeIfAbsent(s, k -> new ArrayDeque<>()).add(catalog);
            versions.put(s, 1);
        }
    }

    /** The next cycle's six changes, on the next service. */
    List<Change> nextCycle() {
        int s = cycle++ % graph.services();
        int version = versions.get(s);
        return List.of(
                new Change("deploy", () -> start(s, version + 1), EventKind.PUBLISHED),
                new Change("retraction", () -> retractOldest(s), EventKind.RETRACTED),
                new Change("rollback", () -> start(s, version), EventKind.PUBLISHED),
                new Change("retraction", () -> retractOldest(s), EventKind.RETRACTED),
                new Change("deploy", () -> crashing(s, version), EventKind.PUBLISHED),
                new Change("lease expiry", () -> crashed, EventKind.EXPIRED));
    }

    private String start(int s, int version) {
        ServiceCatalog catalog = graph.catalog(s, version, "i-" + ++generation, LEASE_MILLIS);
        live.get(s).add(InstancePublication.start(catalog, InstancePublication.Settings.of(bootstrap, topics)
                .withFailFast(true).withCreateTopics(false)));
        versions.put(s, version);
        return catalog.instanceKey();
    }

    private String retractOldest(int s) {
        return switch (live.get(s).removeFirst()) {
            case ServiceCatalog catalog -> {
                write(catalog.instanceKey(), null);
                yield catalog.instanceKey();
            }
            case InstancePublication publication -> {
                publication.close();
                yield publication.catalog().instanceKey();
            }
            default -> throw new IllegalStateException("not an instance");
        };
    }

    /** An instance that publishes with a one-second lease and then never sends a heartbeat: the aggregator expires it. */
    private String crashing(int s, int version) {
        ServiceCatalog catalog = graph.catalog(s, version, "crash-" + ++generation, CRASH_LEASE_MILLIS);
        write(catalog.instanceKey(), catalog);
        crashed = catalog.instanceKey();
        return crashed;
    }

    private void write(String key, ServiceCatalog catalog) {
        byte[] value = catalog == null ? null : TributarySerdes.catalog().serializer().serialize(topics.catalog(), catalog);
        try {
            producer.send(new ProducerRecord<>(topics.catalog(), key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write " + key + " to " + topics.catalog(), e);
        }
    }

    @Override
    public void close() {
        live.values().forEach(instances -> instances.stream().filter(InstancePublication.class::isInstance)
                .forEach(publication -> ((InstancePublication) publication).close()));
        producer.close();
    }
}
