package io.tributary.aggregator;

import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.view.Cause;
import io.tributary.view.Cause.EventKind;
import io.tributary.view.FoldState;
import io.tributary.view.FoldStep;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one catalog event to the live instances and asks the core {@link ViewFold} whether the graph changed.
 * An event it cannot use goes out as {@link FoldOutput.Rejected} with the reason; the stream goes on. All schema
 * decisions are the core's; this class only moves state in and out of the stores.
 */
final class CatalogFoldProcessor implements Processor<String, byte[], String, FoldOutput> {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogFoldProcessor.class);

    private final String graph;
    private final ViewFold fold;
    private final Deserializer<ServiceCatalog> catalogs = TributarySerdes.catalog().deserializer();
    private ProcessorContext<String, FoldOutput> context;
    private KeyValueStore<String, ServiceCatalog> instances;
    private KeyValueStore<String, SchemaView> views;
    private KeyValueStore<String, String> leases;
    private KeyValueStore<String, FoldState> foldStates;

    private final AggregatorMetrics metrics;

    CatalogFoldProcessor(String graph, ViewFold fold, AggregatorMetrics metrics) {
        this.graph = graph;
        this.fold = fold;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, FoldOutput> context) {
        this.context = context;
        this.instances = context.getStateStore(AggregatorTopology.INSTANCES_STORE);
        this.views = context.getStateStore(AggregatorTopology.VIEWS_STORE);
        this.leases = context.getStateStore(AggregatorTopology.LEASES_STORE);
        this.foldStates = context.getStateStore(AggregatorTopology.FOLD_STATE_STORE);
    }

    @Override
    public void process(Record<String, byte[]> event) {
        Cause cause = cause(event);
        Optional<String> rejection = apply(event, cause);
        if (rejection.isPresent()) {
            LOG.warn("Rejected catalog event at {}: {}", cause, rejection.get());
            metrics.rejected();
            context.forward(new Record<String, FoldOutput>(event.key(), new FoldOutput.Rejected(event.value(), rejection.get()),
                    event.timestamp(), new RecordHeaders().add(Headers.REJECTED_REASON, Headers.bytes(rejection.get()))));
            return;
        }
        FoldState state = Optional.ofNullable(foldStates.get(graph)).orElse(FoldState.EMPTY);
        List<ServiceCatalog> live = live();
        FoldStep step = metrics.fold().record(() ->
                fold.next(Optional.ofNullable(views.get(graph)), live, state, cause, Instant.ofEpochMilli(event.timestamp())));
        if (!step.state().equals(state)) {
            foldStates.put(graph, step.state());
        }
        step.view().ifPresent(view -> {
            views.put(graph, view);
            metrics.viewWritten(view.failedServices().size());
            context.forward(new Record<String, FoldOutput>(graph, new FoldOutput.NewView(view), event.timestamp()));
            LOG.info("View {} of graph {} ({}), caused by {} {}", view.version(), graph, view.hash(), cause.kind(), cause.key());
        });
    }

    /** Updates the live instances with the event; the reason it is unusable, if it is. */
    private Optional<String> apply(Record<String, byte[]> event, Cause cause) {
        if (event.key() == null) {
            return Optional.of("a catalog event needs a key service/instanceId");
        }
        if (event.value() == null) {
            instances.delete(event.key());
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
        instances.put(event.key(), catalog);
        leases.put(event.key(), new Leases(context.currentSystemTimeMs(), catalog.leaseMillis()).encode());
        return Optional.empty();
    }

    private List<ServiceCatalog> live() {
        List<ServiceCatalog> live = new ArrayList<>();
        try (KeyValueIterator<String, ServiceCatalog> all = instances.all()) {
            all.forEachRemaining(kv -> live.add(kv.value));
        }
        return live;
    }

    private Cause cause(Record<String, byte[]> event) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        EventKind kind = event.value() != null ? EventKind.PUBLISHED
                : Headers.value(event.headers(), Headers.EVENT).filter(Headers.LEASE_EXPIRED::equals).isPresent()
                ? EventKind.EXPIRED : EventKind.RETRACTED;
        return new Cause(metadata.map(RecordMetadata::topic).orElse(""), metadata.map(RecordMetadata::partition).orElse(-1),
                metadata.map(RecordMetadata::offset).orElse(-1L), event.key(), kind);
    }
}
