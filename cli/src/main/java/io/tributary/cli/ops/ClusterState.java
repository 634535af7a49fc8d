package io.tributary.cli.ops;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.status.GatewayStatus;
import io.tributary.view.SchemaView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What Tributary's topics say right now, read whole: the latest views, their history, live catalogs, gateways. */
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

    /** The catalog of every instance that has not retracted or expired, by instance key. */
    public Map<String, ServiceCatalog> liveInstances() {
        Map<String, ServiceCatalog> live = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : log.readAll(topics.catalog())) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                live.remove(record.key());
                continue;
            }
            try {
                live.put(record.key(), TributarySerdes.catalog().deserializer().deserialize(record.topic(), record.value()));
            } catch (RuntimeException e) {
                LOG.debug("skipping undecodable catalog at offset {}: {}", record.offset(), e.getMessage());
            }
        }
        return live;
    }

    /** The curation rules in force, by id. */
    public List<io.tributary.curation.CurationRule> curationRules() {
        Map<String, io.tributary.curation.CurationRule> rules = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : log.readAll(topics.curation())) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                rules.remove(record.key());
                continue;
            }
            try {
                rules.put(record.key(), TributarySerdes.curation().deserializer().deserialize(record.topic(), record.value()));
            } catch (RuntimeException e) {
                LOG.debug("skipping undecodable curation rule at offset {}: {}", record.offset(), e.getMessage());
            }
        }
        return List.copyOf(rules.values());
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
                gateways.put(record.key(), TributarySerdes.gatewayStatus().deserializer().deserialize(record.topic(), record.value()));
            } catch (RuntimeException e) {
                LOG.debug("skipping undecodable gateway status at offset {}: {}", record.offset(), e.getMessage());
            }
        }
        return gateways;
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
