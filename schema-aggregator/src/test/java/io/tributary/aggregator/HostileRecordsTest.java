package io.tributary.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.view.FoldSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Raw bytes on every input topic, as an attacker or a broken producer would send them: null, empty, invalid UTF-8 and
 * control characters in keys; garbage, truncated, bit-flipped and oversized values; null and foreign event headers.
 * Whatever comes, the aggregator never throws, every unusable record lands on the rejected topic with its original
 * bytes (or a reference when too large to copy), and a good catalog published afterwards still becomes a view.
 */
class HostileRecordsTest {
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private static final byte[] VALID = TributarySerdes.catalog().serializer().serialize("t", CourseCatalogs.v2("a"));
    private final Topics topics = Topics.withDefaultPrefix();

    /** One record as it arrives: which input topic, key bytes, value bytes, and the event header if any. */
    record RawRecord(int topic, byte[] key, byte[] value, byte[] eventHeader, boolean withHeader) {
        @Override
        public String toString() {
            return "RawRecord[topic=" + topic + ", key=" + (key == null ? null : new String(key, StandardCharsets.UTF_8))
                    + ", value=" + (value == null ? null : value.length + " bytes") + ", header=" + withHeader + ":"
                    + Arrays.toString(eventHeader) + "]";
        }
    }

    @Property(tries = 40)
    void shouldNeverStopAndAccountForEveryRecord(@ForAll("records") List<RawRecord> records) throws Exception {
        Path stateDir = Files.createTempDirectory(Path.of("target"), "hostile");
        var config = SchemaAggregator.Config.builder("unused:9092").stateDir(stateDir).build();
        try (TopologyTestDriver driver = new TopologyTestDriver(AggregatorTopology.build(new StreamsBuilder(), topics,
                new AggregatorTopology.Settings("default", FoldSettings.DEFAULT, Duration.ofSeconds(1), Duration.ofSeconds(30),
                        new SimpleMeterRegistry()), new ViewBytes()), SchemaAggregator.streamsProperties(config), T0)) {
            List<TestInputTopic<byte[], byte[]>> inputs = List.of(input(driver, topics.catalog()), input(driver, topics.curation()),
                    input(driver, topics.heartbeat()));
            TestOutputTopic<byte[], byte[]> rejected = driver.createOutputTopic(topics.catalogRejected(),
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
            var views = driver.createOutputTopic(topics.schema(), Serdes.String().deserializer(), TributarySerdes.view().deserializer());

            Instant at = T0;
            for (RawRecord record : records) {
                RecordHeaders headers = new RecordHeaders();
                if (record.withHeader()) {
                    headers.add("tributary.event", record.eventHeader());
                }
                at = at.plusMillis(10);
                inputs.get(record.topic()).pipeInput(new TestRecord<>(record.key(), record.value(), headers, at));
            }
            for (TestRecord<byte[], byte[]> copy : rejected.readRecordsToList()) {
                assertThat(copy.headers().lastHeader(Headers.REJECTED_REASON)).isNotNull();
                assertThat(copy.headers().lastHeader(Headers.REJECTED_SOURCE)).isNotNull();
                boolean referenced = copy.headers().lastHeader(Headers.REJECTED_ORIGINAL_SIZE) != null;
                assertThat(referenced || records.stream().anyMatch(r -> Arrays.equals(r.value(), copy.value())))
                        .as("a rejected record keeps its original bytes").isTrue();
            }
            views.readValuesToList();

            inputs.getFirst().pipeInput(new TestRecord<>(GraphCatalogs.partners().instanceKey().getBytes(StandardCharsets.UTF_8),
                    TributarySerdes.catalog().serializer().serialize("t", GraphCatalogs.partners()), new RecordHeaders(), at.plusSeconds(1)));
            assertThat(views.readValuesToList()).last().satisfies(view -> assertThat(view.sdl()).contains("Partner"));
        }
    }

    @Provide
    Arbitrary<List<RawRecord>> records() {
        return record().list().ofMaxSize(12);
    }

    private Arbitrary<RawRecord> record() {
        Arbitrary<byte[]> keys = Arbitraries.oneOf(
                Arbitraries.just((byte[]) null),
                Arbitraries.just(new byte[0]),
                Arbitraries.of("courses/a", "courses/b", "partners/p", "courses/a\n2026 INFO forged", "__proto__/x", "../../etc")
                        .map(k -> k.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.strings().ofMaxLength(2_000).map(k -> k.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> values = Arbitraries.oneOf(
                Arbitraries.just((byte[]) null),
                Arbitraries.just(new byte[0]),
                Arbitraries.just(VALID),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.integers().between(0, VALID.length - 1).map(n -> Arrays.copyOf(VALID, n)),
                Arbitraries.integers().between(0, VALID.length * 8 - 1).map(HostileRecordsTest::flipBit),
                Arbitraries.just(new byte[1_040_000]));
        Arbitrary<byte[]> headers = Arbitraries.oneOf(Arbitraries.just((byte[]) null), Arbitraries.just(new byte[0]),
                Arbitraries.just("lease-expired".getBytes(StandardCharsets.UTF_8)), Arbitraries.bytes().array(byte[].class).ofMaxSize(20));
        return Combinators.combine(Arbitraries.integers().between(0, 2), keys, values, headers, Arbitraries.of(true, false))
                .as(RawRecord::new);
    }

    private static byte[] flipBit(int bit) {
        byte[] copy = VALID.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static TestInputTopic<byte[], byte[]> input(TopologyTestDriver driver, String topic) {
        return driver.createInputTopic(topic, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    }
}
