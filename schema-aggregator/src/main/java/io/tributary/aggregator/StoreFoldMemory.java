package io.tributary.aggregator;

import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import io.tributary.view.FoldMemory;
import io.tributary.view.FoldSettings;
import io.tributary.view.FoldState;
import io.tributary.view.InMemoryFoldMemory;
import io.tributary.view.SchemaView;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The fold's memory in the aggregator's state stores, so it survives restarts and fails over with the task; the
 * fold itself is the core's {@code LogFold}, exactly as replay runs it. The stores are read once, when the task starts
 * (after Kafka Streams restored them), into a decoded copy that every later read comes from, and every change is
 * written through to both: folding an event decodes nothing it decoded before (every live catalog, the last view).
 * This processor is the stores' only writer, so the copy cannot go stale.
 *
 * <p>The fold state is kept per service, under {@code graph/service}: it holds every service's last good resources
 * (at Coursera scale about 800 KB together), and a change to one service writes that service's part, not all of them.
 * Earlier aggregators kept the whole state under the graph's name; it is read as the starting point, and replaced by
 * the parts at the first change.
 */
final class StoreFoldMemory implements FoldMemory {
    private final String graph;
    private final InMemoryFoldMemory decoded = new InMemoryFoldMemory();
    private final KeyValueStore<String, ServiceCatalog> instances;
    private final KeyValueStore<String, CurationRule> rules;
    private final KeyValueStore<String, FoldState> states;
    private final KeyValueStore<String, FoldSettings> settings;
    private final KeyValueStore<String, SchemaView> views;
    /** Whether the store still holds the whole state under the graph's name, as earlier aggregators kept it. */
    private boolean wholeStateKept;

    StoreFoldMemory(String graph, ProcessingContext context) {
        this.graph = graph;
        this.instances = context.getStateStore(AggregatorStores.INSTANCES);
        this.rules = context.getStateStore(AggregatorStores.CURATION);
        this.states = context.getStateStore(AggregatorStores.FOLD_STATE);
        this.settings = context.getStateStore(AggregatorStores.SETTINGS);
        this.views = context.getStateStore(AggregatorStores.VIEWS);
        forEach(instances, decoded::putInstance);
        forEach(rules, decoded::putRule);
        decoded.state(readState());
        Optional.ofNullable(settings.get(graph)).ifPresent(decoded::settings);
        Optional.ofNullable(views.get(graph)).ifPresent(decoded::view);
    }

    @Override
    public Optional<ServiceCatalog> instance(String key) {
        return decoded.instance(key);
    }

    @Override
    public void putInstance(String key, ServiceCatalog catalog) {
        instances.put(key, catalog);
        decoded.putInstance(key, catalog);
    }

    @Override
    public void removeInstance(String key) {
        instances.delete(key);
        decoded.removeInstance(key);
    }

    @Override
    public List<ServiceCatalog> instances() {
        return decoded.instances();
    }

    @Override
    public Optional<CurationRule> rule(String id) {
        return decoded.rule(id);
    }

    @Override
    public void putRule(String id, CurationRule rule) {
        rules.put(id, rule);
        decoded.putRule(id, rule);
    }

    @Override
    public void removeRule(String id) {
        rules.delete(id);
        decoded.removeRule(id);
    }

    @Override
    public List<CurationRule> rules() {
        return decoded.rules();
    }

    @Override
    public FoldState state() {
        return decoded.state();
    }

    @Override
    public void state(FoldState state) {
        FoldState before = decoded.state();
        if (state.equals(before)) {
            return;
        }
        Set<String> services = new LinkedHashSet<>(before.firstSeen().keySet());
        services.addAll(state.firstSeen().keySet());
        for (String service : services) {
            FoldState part = partOf(state, service);
            if (wholeStateKept || !part.equals(partOf(before, service))) {
                if (part.equals(FoldState.EMPTY)) {
                    states.delete(stateKey(service));
                } else {
                    states.put(stateKey(service), part);
                }
            }
        }
        if (wholeStateKept) {
            states.delete(graph);
            wholeStateKept = false;
        }
        decoded.state(state);
    }

    @Override
    public FoldSettings settings() {
        return decoded.settings();
    }

    @Override
    public void settings(FoldSettings value) {
        settings.put(graph, value);
        decoded.settings(value);
    }

    @Override
    public Optional<SchemaView> view() {
        return decoded.view();
    }

    @Override
    public void view(SchemaView view) {
        views.put(graph, view);
        decoded.view(view);
    }

    private FoldState readState() {
        FoldState whole = states.get(graph);
        wholeStateKept = whole != null;
        FoldState start = whole == null ? FoldState.EMPTY : whole;
        Map<String, Long> firstSeen = new HashMap<>(start.firstSeen());
        Map<String, List<Resource>> lastGood = new HashMap<>(start.lastGood());
        Map<String, List<OperationField>> lastGoodOperations = new HashMap<>(start.lastGoodOperations());
        try (KeyValueIterator<String, FoldState> parts = states.prefixScan(stateKey(""), new StringSerializer())) {
            parts.forEachRemaining(part -> {
                firstSeen.putAll(part.value.firstSeen());
                lastGood.putAll(part.value.lastGood());
                lastGoodOperations.putAll(part.value.lastGoodOperations());
            });
        }
        return new FoldState(firstSeen, lastGood, lastGoodOperations);
    }

    private String stateKey(String service) {
        return graph + "/" + service;
    }

    /** What {@code state} holds about one service (the wire keeps what it holds about services it has seen). */
    private static FoldState partOf(FoldState state, String service) {
        return new FoldState(only(state.firstSeen(), service), only(state.lastGood(), service), only(state.lastGoodOperations(), service));
    }

    private static <V> Map<String, V> only(Map<String, V> map, String key) {
        V value = map.get(key);
        return value == null ? Map.of() : Map.of(key, value);
    }

    private static <V> void forEach(KeyValueStore<String, V> store, BiConsumer<String, V> action) {
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(kv -> action.accept(kv.key, kv.value));
        }
    }
}
