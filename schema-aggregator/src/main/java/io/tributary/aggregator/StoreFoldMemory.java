package io.tributary.aggregator;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import io.tributary.view.FoldMemory;
import io.tributary.view.FoldSettings;
import io.tributary.view.FoldState;
import io.tributary.view.SchemaView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The fold's memory in the aggregator's state stores, so it survives restarts and fails over with the task; the
 * fold itself is the core's {@code LogFold}, exactly as replay runs it.
 */
final class StoreFoldMemory implements FoldMemory {
    private final String graph;
    private final KeyValueStore<String, ServiceCatalog> instances;
    private final KeyValueStore<String, CurationRule> rules;
    private final KeyValueStore<String, FoldState> states;
    private final KeyValueStore<String, FoldSettings> settings;
    private final KeyValueStore<String, SchemaView> views;

    StoreFoldMemory(String graph, ProcessingContext context) {
        this.graph = graph;
        this.instances = context.getStateStore(AggregatorStores.INSTANCES);
        this.rules = context.getStateStore(AggregatorStores.CURATION);
        this.states = context.getStateStore(AggregatorStores.FOLD_STATE);
        this.settings = context.getStateStore(AggregatorStores.SETTINGS);
        this.views = context.getStateStore(AggregatorStores.VIEWS);
    }

    @Override
    public Optional<ServiceCatalog> instance(String key) {
        return Optional.ofNullable(instances.get(key));
    }

    @Override
    public void putInstance(String key, ServiceCatalog catalog) {
        instances.put(key, catalog);
    }

    @Override
    public void removeInstance(String key) {
        instances.delete(key);
    }

    @Override
    public List<ServiceCatalog> instances() {
        return values(instances);
    }

    @Override
    public Optional<CurationRule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    @Override
    public void putRule(String id, CurationRule rule) {
        rules.put(id, rule);
    }

    @Override
    public void removeRule(String id) {
        rules.delete(id);
    }

    @Override
    public List<CurationRule> rules() {
        return values(rules);
    }

    @Override
    public FoldState state() {
        return Optional.ofNullable(states.get(graph)).orElse(FoldState.EMPTY);
    }

    @Override
    public void state(FoldState state) {
        if (!state.equals(state())) {
            states.put(graph, state);
        }
    }

    @Override
    public FoldSettings settings() {
        return Optional.ofNullable(settings.get(graph)).orElse(FoldSettings.DEFAULT);
    }

    @Override
    public void settings(FoldSettings value) {
        settings.put(graph, value);
    }

    @Override
    public Optional<SchemaView> view() {
        return Optional.ofNullable(views.get(graph));
    }

    @Override
    public void view(SchemaView view) {
        views.put(graph, view);
    }

    /** The values in key order: the stores iterate their keys sorted, as the in-memory fold does. */
    private static <V> List<V> values(KeyValueStore<String, V> store) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }
}
