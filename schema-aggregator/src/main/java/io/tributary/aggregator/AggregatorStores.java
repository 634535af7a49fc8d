package io.tributary.aggregator;

import io.tributary.avro.TributarySerdes;
import io.tributary.view.SchemaView;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/** The aggregator's state stores: their names (the changelog topics are named after them) and how they are built. */
final class AggregatorStores {
    static final String INSTANCES = "catalog-instances";
    static final String VIEWS = "schema-views";
    static final String LEASES = "instance-leases";
    static final String FOLD_STATE = "fold-state";
    static final String CURATION = "curation-rules";
    static final String SETTINGS = "fold-settings";
    /** The stores the fold reads and writes. */
    static final String[] FOLD = {INSTANCES, VIEWS, LEASES, FOLD_STATE, CURATION, SETTINGS};

    private AggregatorStores() {
    }

    /**
     * Adds every store, each from {@code supplier} (persistent in production; in memory where a test builds thousands),
     * the views written with {@code views}.
     */
    static void addAll(StreamsBuilder builder, Function<String, KeyValueBytesStoreSupplier> supplier, Serde<SchemaView> views) {
        builder.addStateStore(Stores.keyValueStoreBuilder(supplier.apply(INSTANCES), Serdes.String(), TributarySerdes.catalog()));
        builder.addStateStore(Stores.keyValueStoreBuilder(supplier.apply(VIEWS), Serdes.String(), views));
        builder.addStateStore(Stores.keyValueStoreBuilder(supplier.apply(LEASES), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(supplier.apply(FOLD_STATE), Serdes.String(), TributarySerdes.foldState()));
        builder.addStateStore(Stores.keyValueStoreBuilder(supplier.apply(CURATION), Serdes.String(), TributarySerdes.curation()));
        builder.addStateStore(Stores.keyValueStoreBuilder(supplier.apply(SETTINGS), Serdes.String(), TributarySerdes.foldSettings()));
    }
}
