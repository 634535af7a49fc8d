package io.tributary.aggregator;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The aggregator as a Kafka Streams topology: every catalog event is folded with the live instances kept in a
 * state store, and a new schema view is written whenever the composed graph changes. Values are read as bytes so
 * that one malformed event cannot stop the stream.
 */
public final class AggregatorTopology {

    static final String INSTANCES_STORE = "catalog-instances";
    static final String VIEWS_STORE = "schema-views";

    private AggregatorTopology() {
    }

    public static Topology build(StreamsBuilder builder, Topics topics, String graph) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(INSTANCES_STORE), Serdes.String(), TributarySerdes.catalog()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(VIEWS_STORE), Serdes.String(), TributarySerdes.view()));
        builder.stream(topics.catalog(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("catalog-events"))
                .process(() -> new CatalogFoldProcessor(graph), Named.as("fold-catalogs"), INSTANCES_STORE, VIEWS_STORE)
                .to(topics.schema(), Produced.with(Serdes.String(), TributarySerdes.view()).withName("schema-views-out"));
        return builder.build();
    }
}
