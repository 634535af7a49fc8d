package io.tributary.aggregator;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import io.tributary.text.Printable;
import io.tributary.view.Cause;
import io.tributary.view.FoldState;
import io.tributary.view.FoldStep;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-folds the graph from the stores after any input changed (a catalog event or a curation rule) and forwards a
 * new view when the core says the graph changed. Shared by the processors of both inputs.
 */
final class GraphFolder {
    private static final Logger LOG = LoggerFactory.getLogger(GraphFolder.class);

    private final String graph;
    private final ViewFold fold;
    private final AggregatorMetrics metrics;
    private final ProcessorContext<String, FoldOutput> context;
    private final KeyValueStore<String, ServiceCatalog> instances;
    private final KeyValueStore<String, SchemaView> views;
    private final KeyValueStore<String, FoldState> foldStates;
    private final KeyValueStore<String, CurationRule> curation;

    GraphFolder(String graph, ViewFold fold, AggregatorMetrics metrics, ProcessorContext<String, FoldOutput> context) {
        this.graph = graph;
        this.fold = fold;
        this.metrics = metrics;
        this.context = context;
        this.instances = context.getStateStore(AggregatorTopology.INSTANCES_STORE);
        this.views = context.getStateStore(AggregatorTopology.VIEWS_STORE);
        this.foldStates = context.getStateStore(AggregatorTopology.FOLD_STATE_STORE);
        this.curation = context.getStateStore(AggregatorTopology.CURATION_STORE);
    }

    KeyValueStore<String, ServiceCatalog> instances() {
        return instances;
    }

    KeyValueStore<String, CurationRule> curation() {
        return curation;
    }

    /** Sends an unusable input to the rejected topic with its original bytes and reason, and counts it. */
    void reject(byte[] key, byte[] original, String reason, long timestamp) {
        Rejection rejection = Rejection.of(key, original, reason,
                context.recordMetadata().map(RecordMetadata::topic).orElse("?"),
                context.recordMetadata().map(RecordMetadata::partition).orElse(-1),
                context.recordMetadata().map(RecordMetadata::offset).orElse(-1L));
        LOG.warn("Rejected the record with key {} at {}: {}", printableKey(key), rejection.source(), rejection.reason());
        metrics.rejected();
        context.forward(new Record<String, FoldOutput>(null, new FoldOutput.Rejected(rejection), timestamp, rejection.headers()));
    }

    /** A key for a log line: escaped text, or hex when it is not UTF-8. */
    static String printableKey(byte[] key) {
        return RecordKeys.decode(key).map(Printable::of).orElseGet(() -> Printable.hex(key, 64));
    }

    void refold(Cause cause, long timestamp) {
        FoldState state = Optional.ofNullable(foldStates.get(graph)).orElse(FoldState.EMPTY);
        List<ServiceCatalog> live = values(instances);
        List<CurationRule> rules = values(curation);
        FoldStep step = metrics.fold().record(() ->
                fold.next(Optional.ofNullable(views.get(graph)), live, state, rules, cause, Instant.ofEpochMilli(timestamp)));
        if (!step.state().equals(state)) {
            foldStates.put(graph, step.state());
        }
        if (!step.blockedBy().isEmpty()) {
            LOG.warn("The graph changed after {} {}, but lint errors keep it from becoming a view: {}", cause.kind(),
                    Printable.of(cause.key()), Printable.of(step.blockedBy().toString()));
        }
        step.view().ifPresent(view -> {
            views.put(graph, view);
            metrics.viewWritten(view.failedServices().size());
            context.forward(new Record<String, FoldOutput>(graph, new FoldOutput.NewView(view), timestamp));
            LOG.info("View {} of graph {} ({}), caused by {} {}", view.version(), graph, view.hash(), cause.kind(),
                    Printable.of(cause.key()));
        });
    }

    private static <V> List<V> values(KeyValueStore<String, V> store) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }
}
