package io.tributary.aggregator;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.avro.CatalogEvents;
import io.tributary.avro.RecordReplay;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.view.FoldSettings;
import io.tributary.view.LogFold;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The aggregator's topology in a {@link TopologyTestDriver} with in-memory stores, fed {@link LogSteps.Step}s: it keeps
 * the catalog log as the aggregator sees it (what is piped in, and what the aggregator writes back into it), so a
 * replay of that log can be compared with the views it served.
 */
final class LiveAggregator implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    static final String GRAPH = "default";

    private final Topics topics = Topics.withDefaultPrefix();
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> catalog;
    private final TestInputTopic<byte[], byte[]> curation;
    private final TestOutputTopic<byte[], byte[]> catalogOut;
    private final TestOutputTopic<String, SchemaView> views;
    private final List<TestRecord<byte[], byte[]>> log = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    /** One state directory for every driver of the run: they run one after the other, and their stores are in memory. */
    private static final Path STATE_DIR = stateDir();

    LiveAggregator() {
        driver = new TopologyTestDriver(AggregatorTopology.build(new StreamsBuilder(), topics,
                new AggregatorTopology.Settings(GRAPH, FoldSettings.DEFAULT, Duration.ofSeconds(1), Duration.ofHours(1),
                        metrics, Stores::inMemoryKeyValueStore), new ViewBytes()),
                SchemaAggregator.streamsProperties(SchemaAggregator.Config.builder("unused:9092").stateDir(STATE_DIR).build()), T0);
        catalog = input(topics.catalog());
        curation = input(topics.curation());
        catalogOut = driver.createOutputTopic(topics.catalog(), Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
        views = driver.createOutputTopic(topics.schema(), Serdes.String().deserializer(), TributarySerdes.view().deserializer());
    }

    private static Path stateDir() {
        try {
            return Files.createTempDirectory(Path.of("target"), "live-aggregator");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the step happen at this time. */
    void pipe(LogSteps.Step step, Instant at) {
        if (step instanceof LogSteps.Step.Curate curate) {
            curation.pipeInput(new TestRecord<>(bytes(curate.id()), curate.rule() == null ? null
                    : TributarySerdes.curation().serializer().serialize("", curate.rule()), new RecordHeaders(), at));
            log.addAll(catalogOut.readRecordsToList());
        } else {
            pipeCatalog(record(step, at));
        }
    }

    /** Pipes one record into the catalog topic; the log gets it, then what the aggregator wrote back into the topic. */
    void pipeCatalog(TestRecord<byte[], byte[]> record) {
        catalog.pipeInput(record);
        log.add(record);
        log.addAll(catalogOut.readRecordsToList());
    }

    /** The views served since the last call. */
    List<SchemaView> newViews() {
        return views.readValuesToList();
    }

    /** How many changed graphs lint errors have kept from becoming a view. */
    double blockedGraphs() {
        return metrics.counter("tributary.aggregator.blocked.graphs").count();
    }

    /** A replay of the catalog log so far, as {@code replay} and {@code check} fold it; with the views it made on the way. */
    RecordReplay replay(List<SchemaView> made) {
        RecordReplay replay = new RecordReplay(GRAPH);
        for (int offset = 0; offset < log.size(); offset++) {
            TestRecord<byte[], byte[]> record = log.get(offset);
            if (replay.apply(topics.catalog(), 0, offset, record.key(), record.value(), record.headers(),
                    record.timestamp()) instanceof LogFold.Outcome.NewView view) {
                made.add(view.view());
            }
        }
        return replay;
    }

    private static TestRecord<byte[], byte[]> record(LogSteps.Step step, Instant at) {
        return switch (step) {
            case LogSteps.Step.Publish publish -> new TestRecord<>(bytes(publish.catalog().instanceKey()),
                    TributarySerdes.catalog().serializer().serialize("", publish.catalog()), new RecordHeaders(), at);
            case LogSteps.Step.Retract retract -> new TestRecord<>(bytes(retract.key()), null,
                    retract.expired() ? CatalogEvents.expiryHeaders() : new RecordHeaders(), at);
            case LogSteps.Step.Settings settings -> new TestRecord<>(CatalogEvents.settingsKey(GRAPH),
                    TributarySerdes.foldSettings().serializer().serialize("", settings.settings()), CatalogEvents.settingsHeaders(), at);
            case LogSteps.Step.Garbage garbage -> new TestRecord<>(bytes(garbage.key()), "garbage".getBytes(StandardCharsets.UTF_8),
                    new RecordHeaders(), at);
            case LogSteps.Step.Curate curate -> throw new IllegalArgumentException("curation goes to its own topic");
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private TestInputTopic<byte[], byte[]> input(String topic) {
        return driver.createInputTopic(topic, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
