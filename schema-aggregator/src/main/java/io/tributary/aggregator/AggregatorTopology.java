package io.tributary.aggregator;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.view.ViewFold;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The aggregator as a Kafka Streams topology: every catalog event, and every change to the curation rules, is
 * folded with the live instances and rules kept in state stores; a changed graph goes to the schema topic and, with its diff and cause, to the history topic; an
 * unusable event goes to the rejected topic with its reason. Heartbeats renew leases, and a lease that runs out
 * becomes an expiry event on the catalog topic itself. Keys and values are read as bytes and decoded by the
 * processors, so no malformed record can stop the stream and a rejected one keeps its original bytes.
 */
public final class AggregatorTopology {
    static final String INSTANCES_STORE = "catalog-instances";
    static final String VIEWS_STORE = "schema-views";
    static final String LEASES_STORE = "instance-leases";
    static final String FOLD_STATE_STORE = "fold-state";
    static final String CURATION_STORE = "curation-rules";

    /** How the aggregator folds, when it expires leases, and where it reports its metrics. */
    public record Settings(String graph, ViewFold fold, Duration leaseCheckInterval, Duration expiryGrace, MeterRegistry metrics) {
    }

    private AggregatorTopology() {
    }

    public static Topology build(StreamsBuilder builder, Topics topics, Settings settings) {
        AggregatorMetrics metrics = new AggregatorMetrics(settings.metrics());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(INSTANCES_STORE), Serdes.String(), TributarySerdes.catalog()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(VIEWS_STORE), Serdes.String(), TributarySerdes.view()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LEASES_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(FOLD_STATE_STORE), Serdes.String(), TributarySerdes.foldState()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CURATION_STORE), Serdes.String(), TributarySerdes.curation()));
        String[] foldStores = {INSTANCES_STORE, VIEWS_STORE, LEASES_STORE, FOLD_STATE_STORE, CURATION_STORE};

        KStream<String, FoldOutput> catalogFolds = builder
                .stream(topics.catalog(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("catalog-events"))
                .process(() -> new CatalogFoldProcessor(settings.graph(), settings.fold(), metrics), Named.as("fold-catalogs"),
                        foldStores);
        KStream<String, FoldOutput> curationFolds = builder
                .stream(topics.curation(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("curation-rules-in"))
                .process(() -> new CurationProcessor(settings.graph(), settings.fold(), metrics), Named.as("fold-curation"),
                        foldStores);
        KStream<String, FoldOutput> folded = catalogFolds.merge(curationFolds, Named.as("fold-outputs"));
        KStream<String, io.tributary.view.SchemaView> views = folded
                .filter((key, out) -> out instanceof FoldOutput.NewView, Named.as("new-views"))
                .mapValues(out -> ((FoldOutput.NewView) out).view(), Named.as("view-of"));
        views.to(topics.schema(), Produced.with(Serdes.String(), TributarySerdes.view()).withName("schema-out"));
        views.to(topics.schemaHistory(), Produced.with(Serdes.String(), TributarySerdes.view()).withName("history-out"));
        folded.filter((key, out) -> out instanceof FoldOutput.Rejected, Named.as("rejected-events"))
                .map((key, out) -> {
                    Rejection rejection = ((FoldOutput.Rejected) out).rejection();
                    return KeyValue.pair(rejection.key(), rejection.value());
                }, Named.as("original-bytes"))
                .to(topics.catalogRejected(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("rejected-out"));

        builder.stream(topics.heartbeat(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("heartbeats"))
                .process(() -> new LeaseKeeper(settings.leaseCheckInterval(), settings.expiryGrace()), Named.as("keep-leases"),
                        LEASES_STORE)
                .to(topics.catalog(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("expiries-out"));
        return builder.build();
    }
}
