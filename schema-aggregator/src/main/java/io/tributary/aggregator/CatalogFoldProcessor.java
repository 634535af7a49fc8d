package io.tributary.aggregator;

import io.tributary.avro.CatalogEvents;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.view.Cause;
import io.tributary.view.ViewFold;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies one catalog event to the live instances and re-folds the graph. An event it cannot use goes out as
 * {@link FoldOutput.Rejected} with the reason; the stream goes on. All schema decisions are the core's.
 */
final class CatalogFoldProcessor implements Processor<String, byte[], String, FoldOutput> {
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
    public void process(Record<String, byte[]> event) {
        Cause cause = Causes.of(context, event.key(), CatalogEvents.kind(event.value(), event.headers()));
        Optional<String> rejection = apply(event, cause);
        if (rejection.isPresent()) {
            folder.reject(event.key(), event.value(), rejection.get(), event.timestamp());
            return;
        }
        folder.refold(cause, event.timestamp());
    }

    /** Updates the live instances with the event; the reason it is unusable, if it is. */
    private Optional<String> apply(Record<String, byte[]> event, Cause cause) {
        if (event.key() == null) {
            return Optional.of("a catalog event needs a key service/instanceId");
        }
        if (event.value() == null) {
            folder.instances().delete(event.key());
            leases.delete(event.key());
            return Optional.empty();
        }
        ServiceCatalog catalog;
        try {
            catalog = catalogs.deserialize(cause.topic(), event.value());
        } catch (RuntimeException e) {
            return Optional.of("undecodable catalog: " + e.getMessage());
        }
        if (!catalog.instanceKey().equals(event.key())) {
            return Optional.of("catalog of " + catalog.instanceKey() + " published under key " + event.key());
        }
        folder.instances().put(event.key(), catalog);
        leases.put(event.key(), new Leases(context.currentSystemTimeMs(), catalog.leaseMillis()).encode());
        return Optional.empty();
    }

}
