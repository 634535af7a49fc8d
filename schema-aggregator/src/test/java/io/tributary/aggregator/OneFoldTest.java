package io.tributary.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.avro.CatalogEvents;
import io.tributary.avro.RecordReplay;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.compose.CompositionSettings;
import io.tributary.curation.CurationRule;
import io.tributary.diagnostic.Diagnostic.Severity;
import io.tributary.lint.LintRule;
import io.tributary.lint.LintSettings;
import io.tributary.view.FoldSettings;
import io.tributary.view.SchemaView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The determinism contract: the live aggregator's views and a replay of its catalog log are the same, version by
 * version and hash by hash, whatever the sequence of publications, retractions, expiries, curation changes, settings
 * changes and garbage, with equal timestamps across topics.
 */
class OneFoldTest {
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private final Topics topics = Topics.withDefaultPrefix();

    /** One thing that happens to the log. */
    sealed interface Step {
        record Publish(ServiceCatalog catalog) implements Step {
        }

        record Retract(String key, boolean expired) implements Step {
        }

        record Curate(String id, CurationRule rule) implements Step {
        }

        record Settings(FoldSettings settings) implements Step {
        }

        record Garbage(String key) implements Step {
        }
    }

    @Property(tries = 300)
    void shouldMakeTheSameViewsLiveAndInReplay(@ForAll("steps") List<Step> steps, @ForAll("clock") List<Integer> advances) throws Exception {
        Path stateDir = Files.createTempDirectory(Path.of("target"), "one-fold");
        var config = SchemaAggregator.Config.of("unused:9092").withStateDir(stateDir);
        try (TopologyTestDriver driver = new TopologyTestDriver(AggregatorTopology.build(new StreamsBuilder(), topics,
                new AggregatorTopology.Settings("default", FoldSettings.DEFAULT, Duration.ofSeconds(1), Duration.ofHours(1),
                        new SimpleMeterRegistry(), org.apache.kafka.streams.state.Stores::inMemoryKeyValueStore)),
                SchemaAggregator.streamsProperties(config), T0)) {
            TestInputTopic<byte[], byte[]> catalog = input(driver, topics.catalog());
            TestInputTopic<byte[], byte[]> curation = input(driver, topics.curation());
            TestOutputTopic<byte[], byte[]> catalogOut = driver.createOutputTopic(topics.catalog(), Serdes.ByteArray().deserializer(),
                    Serdes.ByteArray().deserializer());
            TestOutputTopic<String, SchemaView> views = driver.createOutputTopic(topics.schema(), Serdes.String().deserializer(),
                    TributarySerdes.view().deserializer());

            List<TestRecord<byte[], byte[]>> log = new ArrayList<>();
            Instant at = T0;
            for (int i = 0; i < steps.size(); i++) {
                at = at.plusMillis(advances.get(i % advances.size()));
                Step step = steps.get(i);
                if (step instanceof Step.Curate curate) {
                    curation.pipeInput(new TestRecord<>(bytes(curate.id()), curate.rule() == null ? null
                            : TributarySerdes.curation().serializer().serialize("", curate.rule()), new RecordHeaders(), at));
                } else {
                    TestRecord<byte[], byte[]> record = record(step, at);
                    catalog.pipeInput(record);
                    log.add(record);
                }
                log.addAll(catalogOut.readRecordsToList());
            }
            List<SchemaView> live = views.readValuesToList();

            RecordReplay replay = new RecordReplay("default");
            List<SchemaView> replayed = new ArrayList<>();
            for (int offset = 0; offset < log.size(); offset++) {
                TestRecord<byte[], byte[]> record = log.get(offset);
                if (replay.apply(topics.catalog(), 0, offset, record.key(), record.value(), record.headers(),
                        record.timestamp()) instanceof io.tributary.view.LogFold.Outcome.NewView view) {
                    replayed.add(view.view());
                }
            }
            assertThat(replayed).extracting(SchemaView::version, SchemaView::hash)
                    .containsExactlyElementsOf(live.stream().map(v -> org.assertj.core.groups.Tuple.tuple(v.version(), v.hash())).toList());
            assertThat(replayed).isEqualTo(live);
        }
    }

    private static TestRecord<byte[], byte[]> record(Step step, Instant at) {
        return switch (step) {
            case Step.Publish publish -> new TestRecord<>(bytes(publish.catalog().instanceKey()),
                    TributarySerdes.catalog().serializer().serialize("", publish.catalog()), new RecordHeaders(), at);
            case Step.Retract retract -> new TestRecord<>(bytes(retract.key()), null,
                    retract.expired() ? CatalogEvents.expiryHeaders() : new RecordHeaders(), at);
            case Step.Settings settings -> new TestRecord<>(CatalogEvents.settingsKey("default"),
                    TributarySerdes.foldSettings().serializer().serialize("", settings.settings()), CatalogEvents.settingsHeaders(), at);
            case Step.Garbage garbage -> new TestRecord<>(bytes(garbage.key()), "garbage".getBytes(StandardCharsets.UTF_8),
                    (Headers) new RecordHeaders(), at);
            case Step.Curate curate -> throw new IllegalArgumentException("curation goes to its own topic");
        };
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> publish = Arbitraries.of(CourseCatalogs.v1("a"), CourseCatalogs.v2("a"), CourseCatalogs.v1("b"),
                CourseCatalogs.v2("b"), GraphCatalogs.partners(), GraphCatalogs.instructors(), GraphCatalogs.enrollments(),
                CourseCatalogs.everything("c")).map(Step.Publish::new);
        Arbitrary<Step> retract = Combinators.combine(Arbitraries.of("courses/a", "courses/b", "courses/c",
                        GraphCatalogs.partners().instanceKey(), GraphCatalogs.instructors().instanceKey()), Arbitraries.of(true, false))
                .as(Step.Retract::new);
        Arbitrary<Step> curate = Arbitraries.of(
                new Step.Curate("hide-rating", new CurationRule.Hide("hide-rating", "Course.rating")),
                new Step.Curate("hide-rating", null),
                new Step.Curate("rename-title", new CurationRule.RenameField("rename-title", "Course.title", "name")),
                new Step.Curate("rename-title", null),
                new Step.Curate("describe", new CurationRule.Describe("describe", "Course.subtitle", "A short line.")),
                new Step.Curate("dangling", new CurationRule.Hide("dangling", "Nowhere.field")));
        Arbitrary<Step> settings = Arbitraries.of(
                new Step.Settings(FoldSettings.DEFAULT),
                new Step.Settings(new FoldSettings(new CompositionSettings(CompositionSettings.PaginationMode.RELAY), LintSettings.DEFAULT)),
                new Step.Settings(new FoldSettings(new CompositionSettings(CompositionSettings.PaginationMode.OFFSET),
                        new LintSettings(Map.of(LintRule.MISSING_DESCRIPTION, Severity.ERROR), Set.of(), true))),
                new Step.Settings(new FoldSettings(CompositionSettings.DEFAULT,
                        new LintSettings(Map.of(), Set.of(LintRule.UNBOUNDED_LIST), false))));
        Arbitrary<Step> garbage = Arbitraries.of("courses/a", "courses/z", ":curation/x").map(Step.Garbage::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, publish), net.jqwik.api.Tuple.of(3, retract), net.jqwik.api.Tuple.of(2, curate),
                net.jqwik.api.Tuple.of(1, settings), net.jqwik.api.Tuple.of(1, garbage)).list().ofMinSize(1).ofMaxSize(14);
    }

    /** Milliseconds between steps: often none at all, so timestamps tie across topics. */
    @Provide
    Arbitrary<List<Integer>> clock() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(0)), net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 5)))
                .list().ofMinSize(1).ofMaxSize(5);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static TestInputTopic<byte[], byte[]> input(TopologyTestDriver driver, String topic) {
        return driver.createInputTopic(topic, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    }
}
