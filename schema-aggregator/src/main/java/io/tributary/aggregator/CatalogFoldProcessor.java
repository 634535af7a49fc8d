package io.tributary.aggregator;

import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
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
 * All decisions are the core's; this class only moves state in and out of the stores.
 */
final class CatalogFoldProcessor implements Processor<String, byte[], String, SchemaView> {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogFoldProcessor.class);

    private final String graph;
    private final ViewFold fold;
    private final Deserializer<ServiceCatalog> catalogs = TributarySerdes.catalog().deserializer();
    private ProcessorContext<String, SchemaView> context;
    private KeyValueStore<String, ServiceCatalog> instances;
    private KeyValueStore<String, SchemaView> views;

    CatalogFoldProcessor(String graph) {
        this.graph = graph;
        this.fold = new ViewFold(graph);
    }

    @Override
    public void init(ProcessorContext<String, SchemaView> context) {
        this.context = context;
        this.instances = context.getStateStore(AggregatorTopology.INSTANCES_STORE);
        this.views = context.getStateStore(AggregatorTopology.VIEWS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> event) {
        Cause cause = cause(event.key());
        if (!apply(event, cause)) {
            return;
        }
        Optional<SchemaView> next = fold.next(Optional.ofNullable(views.get(graph)), live(), cause,
                Instant.ofEpochMilli(event.timestamp()));
        next.ifPresent(view -> {
            views.put(graph, view);
            context.forward(new Record<>(graph, view, event.timestamp()));
            LOG.info("View {} of graph {} ({}), caused by {}", view.version(), graph, view.hash(), cause);
        });
    }

    /** Updates the live instances with the event; false when the event is unusable and changes nothing. */
    private boolean apply(Record<String, byte[]> event, Cause cause) {
        if (event.key() == null) {
            LOG.warn("Ignoring catalog event without a key at {}", cause);
            return false;
        }
        if (event.value() == null) {
            return instances.delete(event.key()) != null;
        }
        try {
            ServiceCatalog catalog = catalogs.deserialize(cause.topic(), event.value());
            if (!catalog.instanceKey().equals(event.key())) {
                LOG.warn("Ignoring catalog of {} published under key {} at {}", catalog.instanceKey(), event.key(), cause);
                return false;
            }
            instances.put(event.key(), catalog);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Ignoring malformed catalog event at {}: {}", cause, e.getMessage());
            return false;
        }
    }

    private List<ServiceCatalog> live() {
        List<ServiceCatalog> live = new ArrayList<>();
        try (KeyValueIterator<String, ServiceCatalog> all = instances.all()) {
            all.forEachRemaining((KeyValue<String, ServiceCatalog> kv) -> live.add(kv.value));
        }
        return live;
    }

    private Cause cause(String key) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        return new Cause(metadata.map(RecordMetadata::topic).orElse(""), metadata.map(RecordMetadata::partition).orElse(-1),
                metadata.map(RecordMetadata::offset).orElse(-1L), key);
    }
}
