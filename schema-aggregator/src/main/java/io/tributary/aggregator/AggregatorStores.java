package io.tributary.aggregator;

import io.tributary.avro.TributarySerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
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

    static void addAll(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INSTANCES), Serdes.String(), TributarySerdes.catalog()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VIEWS), Serdes.String(), TributarySerdes.view()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEASES), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FOLD_STATE), Serdes.String(), TributarySerdes.foldState()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CURATION), Serdes.String(), TributarySerdes.curation()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SETTINGS), Serdes.String(), TributarySerdes.foldSettings()));
    }
}
