package io.tributary.cli.ops;

import io.tributary.avro.Topics;
import io.tributary.avro.CatalogEvents;
import io.tributary.avro.RecordReplay;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.status.GatewayStatus;
import io.tributary.view.LogEvent;
import io.tributary.view.SchemaView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Tributary's topics say right now, read whole: the latest views, their history, live catalogs, gateways; and
 * whether the aggregator runs, from its consumer group.
 */
public final class ClusterState {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterState.class);

    private final TopicLog log;
    private final Topics topics;

    public ClusterState(TopicLog log, Topics topics) {
        this.log = log;
        this.topics = topics;
    }

    /** The history of a graph, read whole and closed again: what history, diff and blame start from. */
    public static List<SchemaView> history(KafkaOptions kafka, String graph) {
        try (TopicLog log = new TopicLog(kafka.clientProperties())) {
            return new ClusterState(log, kafka.topics()).history(graph);
        }
    }

    /** The latest view of the graph on the (compacted) schema topic. */
    public Optional<SchemaView> latestView(String graph) {
        SchemaView latest = null;
        for (ConsumerRecord<String, byte[]> record : log.readAll(topics.schema())) {
            if (graph.equals(record.key()) && record.value() != null) {
                SchemaView view = decodeView(record);
                if (view != null && (latest == null || view.version() > latest.version())) {
                    latest = view;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Every view of the graph kept in the history topic, by version. */
    public List<SchemaView> history(String graph) {
        Map<Long, SchemaView> byVersion = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : log.readAll(topics.schemaHistory())) {
            if (graph.equals(record.key()) && record.value() != null) {
                SchemaView view = decodeView(record);
                if (view != null) {
                    byVersion.put(view.version(), view);
                }
            }
        }
        return new ArrayList<>(byVersion.values());
    }

    /**
     * The catalog log folded to its end by the one fold the aggregator runs, with the settings the log carries: the
     * live instances, curation and views as the aggregator has them.
     */
    public RecordReplay replay(String graph) {
        RecordReplay replay = new RecordReplay(graph);
        log.forEachRaw(topics.catalog(), record -> {
            replay.apply(record.topic(), record.partition(), record.offset(), record.key(), record.value(), record.headers(),
                    record.timestamp());
            return true;
        });
        return replay;
    }

    /**
     * The catalog of every instance that has not retracted or expired, by instance key: the log's records decoded as the
     * aggregator decodes them, without folding each one into a schema (which only the views need).
     */
    public Map<String, ServiceCatalog> liveInstances() {
        Map<String, ServiceCatalog> live = new TreeMap<>();
        log.forEachRaw(topics.catalog(), record -> {
            switch (CatalogEvents.decode(record.key(), record.value(), record.headers()).event()) {
                case LogEvent.Published published -> live.put(published.key(), published.catalog());
                case LogEvent.Retracted retracted -> live.remove(retracted.key());
                default -> {
                }
            }
            return true;
        });
        return live;
    }

    /** The latest status of every gateway that reported one. */
    public Map<String, GatewayStatus> gateways() {
        Map<String, GatewayStatus> gateways = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : log.readAll(topics.gatewayStatus())) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                gateways.remove(record.key());
                continue;
            }
            try {
                GatewayStatus status = TributarySerdes.gatewayStatus().deserializer().deserialize(record.topic(), record.value());
                gateways.put(record.key(), status.reportedAt().equals(Instant.EPOCH) ? reportedWhenWritten(status, record) : status);
            } catch (RuntimeException e) {
                LOG.debug("skipping undecodable gateway status at offset {}: {}", record.offset(), e.getMessage());
            }
        }
        return gateways;
    }

    /** A status from a gateway older than {@code reportedAt}: it was reported when Kafka took the record. */
    private static GatewayStatus reportedWhenWritten(GatewayStatus s, ConsumerRecord<String, byte[]> record) {
        return s.withReportedAt(Instant.ofEpochMilli(record.timestamp()));
    }

    /** Whether the aggregator runs, as far as Kafka can tell: what status and drift say about it. */
    public record Aggregator(String applicationId, Liveness liveness, int members, String detail) {
        /** Running: its group has members. Not running: it has none, or no group exists. Unknown: Kafka did not say. */
        public enum Liveness { RUNNING, NOT_RUNNING, UNKNOWN }
    }

    /**
     * Whether the aggregator with this application id runs: its Kafka Streams consumer group has members (a group of
     * the classic or the consumer protocol, else of the streams protocol). No members, or no group, is not running.
     */
    public Aggregator aggregator(String applicationId) {
        try {
            ConsumerGroupDescription group = log.admin().describeConsumerGroups(List.of(applicationId)).describedGroups()
                    .get(applicationId).get(15, TimeUnit.SECONDS);
            if (!group.members().isEmpty()) {
                return running(applicationId, group.members().size());
            }
            if (group.type() != GroupType.STREAMS) {
                return new Aggregator(applicationId, Aggregator.Liveness.NOT_RUNNING, 0, group.groupState() == GroupState.DEAD
                        ? "no consumer group " + applicationId + " exists"
                        : "its consumer group " + applicationId + " has no members (" + group.groupState() + ")");
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                return unknown(applicationId, e.getCause());
            }
        } catch (TimeoutException e) {
            return unknown(applicationId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException("interrupted");
        }
        return streamsGroup(applicationId);
    }

    private Aggregator streamsGroup(String applicationId) {
        try {
            StreamsGroupDescription group = log.admin().describeStreamsGroups(List.of(applicationId)).describedGroups()
                    .get(applicationId).get(15, TimeUnit.SECONDS);
            return group.members().isEmpty()
                    ? new Aggregator(applicationId, Aggregator.Liveness.NOT_RUNNING, 0,
                    "its streams group " + applicationId + " has no members (" + group.groupState() + ")")
                    : running(applicationId, group.members().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException || e.getCause() instanceof UnsupportedVersionException) {
                return new Aggregator(applicationId, Aggregator.Liveness.NOT_RUNNING, 0, "no consumer group " + applicationId + " exists");
            }
            return unknown(applicationId, e.getCause());
        } catch (TimeoutException e) {
            return unknown(applicationId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException("interrupted");
        }
    }

    private static Aggregator running(String applicationId, int members) {
        return new Aggregator(applicationId, Aggregator.Liveness.RUNNING, members, members + (members == 1 ? " member" : " members"));
    }

    private static Aggregator unknown(String applicationId, Throwable cause) {
        return new Aggregator(applicationId, Aggregator.Liveness.UNKNOWN, 0,
                "cannot describe its consumer group " + applicationId + ": " + cause.getMessage());
    }

    private static SchemaView decodeView(ConsumerRecord<String, byte[]> record) {
        try {
            return TributarySerdes.view().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.debug("skipping undecodable view at offset {}: {}", record.offset(), e.getMessage());
            return null;
        }
    }
}
