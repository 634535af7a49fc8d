package io.tributary.aggregator;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.avro.Topics;
import io.tributary.view.FoldSettings;
import io.tributary.view.SchemaView;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The aggregator as a Kafka Streams topology around one input: the catalog log, folded record by record in offset
 * order by the core's fold. Everything else reaches the fold through that log, so the order is the log's and every
 * replay sees the same: curation changes are relayed into it, lease expiries (heartbeats stop) and the aggregator's
 * fold settings are written into it. A changed graph goes to the schema topic and, with its diff and cause, to the
 * history topic; an unusable record goes to the rejected topic with its reason. Keys and values are read as bytes and
 * decoded by the processors, so no malformed record can stop the stream and a rejected one keeps its original bytes.
 */
public final class AggregatorTopology {

    /**
     * Which graph the aggregator folds, with which settings, when it expires leases, where it reports its metrics, and
     * what keeps its state (persistent stores, unless a test asks for memory).
     */
    public record Settings(String graph, FoldSettings fold, Duration leaseCheckInterval, Duration expiryGrace, MeterRegistry metrics,
                           Function<String, KeyValueBytesStoreSupplier> stores) {
        public Settings(String graph, FoldSettings fold, Duration leaseCheckInterval, Duration expiryGrace, MeterRegistry metrics) {
            this(graph, fold, leaseCheckInterval, expiryGrace, metrics, Stores::persistentKeyValueStore);
        }
    }

    private AggregatorTopology() {
    }

    /** The topology, writing every view with {@code viewBytes}, which readers in this process can then ask for views they read back. */
    public static Topology build(StreamsBuilder builder, Topics topics, Settings settings, ViewBytes viewBytes) {
        AggregatorMetrics metrics = new AggregatorMetrics(settings.metrics());
        AggregatorStores.addAll(builder, settings.stores(), viewBytes);

        KStream<String, FoldOutput> folded = builder
                .stream(topics.catalog(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("catalog-events"))
                .process(() -> new LogFoldProcessor(settings.graph(), settings.fold(), metrics), Named.as("fold-log"), AggregatorStores.FOLD);
        KStream<String, FoldOutput> relayed = builder
                .stream(topics.curation(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("curation-rules-in"))
                .process(() -> new CurationRelay(metrics), Named.as("relay-curation"));
        KStream<String, FoldOutput> outputs = folded.merge(relayed, Named.as("fold-outputs"));

        KStream<String, SchemaView> views = outputs
                .filter((key, out) -> out instanceof FoldOutput.NewView, Named.as("new-views"))
                .mapValues(out -> ((FoldOutput.NewView) out).view(), Named.as("view-of"));
        views.to(topics.schema(), Produced.with(Serdes.String(), viewBytes).withName("schema-out"));
        views.to(topics.schemaHistory(), Produced.with(Serdes.String(), viewBytes).withName("history-out"));
        outputs.filter((key, out) -> out instanceof FoldOutput.Rejected, Named.as("rejected-events"))
                .map((key, out) -> {
                    Rejection rejection = ((FoldOutput.Rejected) out).rejection();
                    return KeyValue.pair(rejection.key(), rejection.value());
                }, Named.as("original-bytes"))
                .to(topics.catalogRejected(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("rejected-out"));
        outputs.filter((key, out) -> out instanceof FoldOutput.Relayed, Named.as("relayed-records"))
                .map((key, out) -> KeyValue.pair(((FoldOutput.Relayed) out).key(), ((FoldOutput.Relayed) out).value()), Named.as("relayed-bytes"))
                .to(topics.catalog(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("relayed-out"));

        builder.stream(topics.heartbeat(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("heartbeats"))
                .process(() -> new LeaseKeeper(settings.leaseCheckInterval(), settings.expiryGrace()), Named.as("keep-leases"),
                        AggregatorStores.LEASES)
                .to(topics.catalog(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("expiries-out"));
        return builder.build();
    }
}
