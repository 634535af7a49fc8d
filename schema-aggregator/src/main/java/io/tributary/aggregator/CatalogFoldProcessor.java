package io.tributary.aggregator;

import io.tributary.avro.CatalogEvents;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.view.Cause;
import io.tributary.view.ViewFold;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one catalog event to the live instances and re-folds the graph. Every record is untrusted: one it cannot
 * decode, or whose fold throws, goes out as {@link FoldOutput.Rejected} with the reason, its effect on the stores
 * undone, and the stream goes on. All schema decisions are the core's.
 */
final class CatalogFoldProcessor implements Processor<byte[], byte[], String, FoldOutput> {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogFoldProcessor.class);

    private final String graph;
    private final ViewFold fold;
    private final AggregatorMetrics metrics;
    private final Deserializer<ServiceCatalog> catalogs = TributarySerdes.catalog().deserializer();
    private ProcessorContext<String, FoldOutput> context;
    private GraphFolder folder;
    private KeyValueStore<String, String> leases;

    CatalogFoldProcessor(String graph, ViewFold fold, AggregatorMetrics metrics) {
        this.graph = graph;
        this.fold = fold;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, FoldOutput> context) {
        this.context = context;
        this.folder = new GraphFolder(graph, fold, metrics, context);
        this.leases = context.getStateStore(AggregatorTopology.LEASES_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> event) {
        String key = RecordKeys.decode(event.key()).orElse(null);
        if (key == null) {
            reject(event, event.key() == null ? "a catalog event needs a key service/instanceId"
                    : "the key is not valid UTF-8; a catalog event's key is service/instanceId");
            return;
        }
        Cause cause = Causes.of(context, key, CatalogEvents.kind(event.value(), event.headers()));
        ServiceCatalog previous = folder.instances().get(key);
        String previousLease = leases.get(key);
        try {
            if (event.value() == null) {
                folder.instances().delete(key);
                leases.delete(key);
            } else {
                ServiceCatalog catalog = decode(event.value(), cause);
                if (!catalog.instanceKey().equals(key)) {
                    throw new UnusableEventException("catalog of " + catalog.instanceKey() + " published under key " + key);
                }
                folder.instances().put(key, catalog);
                leases.put(key, new Leases(context.currentSystemTimeMs(), catalog.leaseMillis()).encode());
            }
            folder.refold(cause, event.timestamp());
        } catch (UnusableEventException e) {
            restore(key, previous, previousLease);
            reject(event, e.getMessage());
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            // Not the record's fault as far as anyone can tell: a defect in the fold. Say so loudly, keep the event
            // on the rejected topic for a replay once it is fixed, and keep serving the last good view meanwhile.
            LOG.error("Folding the catalog event {} failed; rejecting it and keeping the last view", GraphFolder.printableKey(event.key()), e);
            restore(key, previous, previousLease);
            reject(event, "folding failed: " + e);
        }
    }

    private ServiceCatalog decode(byte[] value, Cause cause) {
        try {
            return catalogs.deserialize(cause.topic(), value);
        } catch (RuntimeException e) {
            throw new UnusableEventException("undecodable catalog: " + e.getMessage());
        }
    }

    private void restore(String key, ServiceCatalog previous, String previousLease) {
        if (previous == null) {
            folder.instances().delete(key);
        } else {
            folder.instances().put(key, previous);
        }
        if (previousLease == null) {
            leases.delete(key);
        } else {
            leases.put(key, previousLease);
        }
    }

    private void reject(Record<byte[], byte[]> event, String reason) {
        folder.reject(event.key(), event.value(), reason, event.timestamp());
    }
}
