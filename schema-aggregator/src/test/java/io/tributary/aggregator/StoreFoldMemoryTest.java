package io.tributary.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.view.FoldState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The fold's memory over real (in-memory) state stores, read back as a restarted task reads them. */
class StoreFoldMemoryTest {
    private static final String GRAPH = "default";
    private static final List<Resource> COURSES = List.of(CourseCatalogs.courses(CourseCatalogs.COURSE_V1));
    private static final List<Resource> COURSES_V2 = List.of(CourseCatalogs.courses(CourseCatalogs.COURSE_V2));

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final KeyValueStore<String, FoldState> states = store(AggregatorStores.FOLD_STATE, TributarySerdes.foldState());

    StoreFoldMemoryTest() {
        store(AggregatorStores.INSTANCES, TributarySerdes.catalog());
        store(AggregatorStores.CURATION, TributarySerdes.curation());
        store(AggregatorStores.SETTINGS, TributarySerdes.foldSettings());
        store(AggregatorStores.VIEWS, TributarySerdes.view());
    }

    @Test
    void shouldWriteOnlyThePartOfTheServiceAChangeTouched() {
        StoreFoldMemory memory = new StoreFoldMemory(GRAPH, context);
        memory.state(state(Map.of("courses", COURSES, "partners", COURSES)));
        states.delete(GRAPH + "/partners");

        memory.state(state(Map.of("courses", COURSES_V2, "partners", COURSES)));

        assertThat(keys()).containsExactly(GRAPH + "/courses");
        assertThat(states.get(GRAPH + "/courses")).isEqualTo(state(Map.of("courses", COURSES_V2)));
    }

    @Test
    void shouldReadBackTheWholeStateWhenATaskRestarts() {
        FoldState state = state(Map.of("courses", COURSES, "partners", COURSES_V2, "quarantined", List.of()));
        new StoreFoldMemory(GRAPH, context).state(state);

        assertThat(new StoreFoldMemory(GRAPH, context).state()).isEqualTo(state);
    }

    @Test
    void shouldDeleteThePartOfAServiceTheStateNoLongerHolds() {
        StoreFoldMemory memory = new StoreFoldMemory(GRAPH, context);
        memory.state(state(Map.of("courses", COURSES, "partners", COURSES)));

        memory.state(state(Map.of("courses", COURSES)));

        assertThat(keys()).containsExactly(GRAPH + "/courses");
        assertThat(new StoreFoldMemory(GRAPH, context).state()).isEqualTo(memory.state());
    }

    @Test
    void shouldStartFromTheWholeStateAnEarlierAggregatorKeptAndReplaceItByPartsAtTheFirstChange() {
        FoldState earlier = state(Map.of("courses", COURSES, "partners", COURSES));
        states.put(GRAPH, earlier);
        StoreFoldMemory memory = new StoreFoldMemory(GRAPH, context);
        assertThat(memory.state()).isEqualTo(earlier);

        FoldState next = state(Map.of("courses", COURSES_V2, "partners", COURSES));
        memory.state(next);

        assertThat(keys()).containsExactly(GRAPH + "/courses", GRAPH + "/partners");
        assertThat(new StoreFoldMemory(GRAPH, context).state()).isEqualTo(next);
    }

    /** A state as the fold keeps it and the wire carries it: what it holds about every service it has seen. */
    private static FoldState state(Map<String, List<Resource>> lastGood) {
        Map<String, Long> firstSeen = new HashMap<>();
        Map<String, List<OperationField>> operations = new HashMap<>();
        lastGood.keySet().forEach(service -> {
            firstSeen.put(service, (long) service.length());
            operations.put(service, List.of());
        });
        return new FoldState(firstSeen, lastGood, operations);
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, FoldState> all = states.all()) {
            all.forEachRemaining((KeyValue<String, FoldState> kv) -> keys.add(kv.key));
        }
        return keys.stream().sorted().toList();
    }

    private <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
