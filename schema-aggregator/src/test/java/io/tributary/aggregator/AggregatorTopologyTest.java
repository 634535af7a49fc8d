package io.tributary.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.view.SchemaView;
import io.tributary.view.FoldSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import io.tributary.view.Cause;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatorTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private final Topics topics = Topics.withDefaultPrefix();
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> catalog;
    private TestOutputTopic<String, SchemaView> views;
    private TestInputTopic<String, byte[]> heartbeats;
    private TestOutputTopic<String, byte[]> rejected;
    private TestOutputTopic<String, SchemaView> history;
    private TestOutputTopic<String, byte[]> catalogOut;
    private static final Duration GRACE = Duration.ofSeconds(30);

    @BeforeEach
    void startDriver() {
        var config = SchemaAggregator.Config.builder("unused:9092").stateDir(stateDir).build();
        driver = new TopologyTestDriver(AggregatorTopology.build(new StreamsBuilder(), topics,
                new AggregatorTopology.Settings("default", FoldSettings.DEFAULT, Duration.ofSeconds(1), GRACE, new SimpleMeterRegistry()), new ViewBytes()),
                SchemaAggregator.streamsProperties(config), T0);
        heartbeats = driver.createInputTopic(topics.heartbeat(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        rejected = driver.createOutputTopic(topics.catalogRejected(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        history = driver.createOutputTopic(topics.schemaHistory(), Serdes.String().deserializer(), TributarySerdes.view().deserializer());
        catalogOut = driver.createOutputTopic(topics.catalog(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        catalog = driver.createInputTopic(topics.catalog(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        views = driver.createOutputTopic(topics.schema(), Serdes.String().deserializer(), TributarySerdes.view().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldWriteAViewWhenAServiceAppears() {
        publish(CourseCatalogs.v2("a"), T0);

        var record = views.readRecord();
        assertThat(record.key()).isEqualTo("default");
        assertThat(record.value().version()).isEqualTo(1);
        assertThat(record.value().sdl()).contains("durationMinutes");
        assertThat(record.value().composedAt()).isEqualTo(T0);
        assertThat(record.value().cause().key()).isEqualTo("courses/a");
        assertThat(record.value().cause().offset()).isZero();
    }

    @Test
    void shouldWriteNothingWhenAnInstanceRepublishesTheSameCatalog() {
        publish(CourseCatalogs.v2("a"), T0);
        publish(CourseCatalogs.v2("a"), T0.plusSeconds(10));

        assertThat(views.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldFollowARollbackWithOneViewPerChange() {
        publish(CourseCatalogs.v2("a"), T0);
        catalog.pipeInput("courses/a", null, T0.plusSeconds(1));
        publish(CourseCatalogs.v1("b"), T0.plusSeconds(2));

        List<SchemaView> written = views.readValuesToList();
        assertThat(written).extracting(SchemaView::version).containsExactly(1L, 2L, 3L);
        assertThat(written.get(1).sdl()).contains("_empty").doesNotContain("Course");
        assertThat(written.get(2).sdl()).contains("type Course").doesNotContain("durationMinutes");
        assertThat(written.get(2).services()).singleElement()
                .satisfies(s -> assertThat(s.instances()).extracting(i -> i.serviceVersion()).containsExactly("1.0.0"));
    }

    @Test
    void shouldRejectMalformedEventsWithTheReasonAndKeepFolding() {
        catalog.pipeInput("courses/a", "garbage".getBytes(), T0);
        publish(CourseCatalogs.v1("b"), T0.plusSeconds(1));

        assertThat(views.readValuesToList()).singleElement()
                .satisfies(v -> assertThat(v.cause().offset()).isEqualTo(1));
        var record = rejected.readRecord();
        assertThat(record.key()).isEqualTo("courses/a");
        assertThat(record.value()).isEqualTo("garbage".getBytes());
        assertThat(new String(record.headers().lastHeader(Headers.REJECTED_REASON).value())).startsWith("undecodable catalog");
    }

    @Test
    void shouldRejectACatalogPublishedUnderAnotherInstancesKey() {
        catalog.pipeInput("courses/someone-else", TributarySerdes.catalog().serializer().serialize("t", CourseCatalogs.v1("b")), T0);

        assertThat(views.isEmpty()).isTrue();
        assertThat(new String(rejected.readRecord().headers().lastHeader(Headers.REJECTED_REASON).value()))
                .isEqualTo("catalog of courses/b published under key courses/someone-else");
    }

    @Test
    void shouldWriteEveryViewToTheHistoryToo() {
        publish(CourseCatalogs.v2("a"), T0);
        publish(CourseCatalogs.v1("b"), T0.plusSeconds(1));

        assertThat(history.readValuesToList()).extracting(SchemaView::version).containsExactly(1L, 2L);
    }

    @Test
    void shouldExpireAnInstanceWhoseHeartbeatsStopAndFoldTheExpiryLikeARetraction() {
        ServiceCatalog silent = CourseCatalogs.v1("silent");
        ServiceCatalog alive = CourseCatalogs.v2("alive");
        publish(silent, T0);
        publish(alive, T0);
        for (int second = 10; second <= 60; second += 10) {
            driver.advanceWallClockTime(Duration.ofSeconds(10));
            heartbeat(alive, T0.plusSeconds(second));
        }

        var expiry = catalogOut.readRecordsToList();
        assertThat(expiry).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("courses/silent");
            assertThat(r.value()).isNull();
            assertThat(new String(r.headers().lastHeader("tributary.event").value())).isEqualTo("lease-expired");
        });
        catalog.pipeInput(new org.apache.kafka.streams.test.TestRecord<>("courses/silent", null, expiry.getFirst().headers(),
                T0.plusSeconds(61)));
        SchemaView last = views.readValuesToList().getLast();
        assertThat(last.cause().kind()).isEqualTo(io.tributary.view.Cause.EventKind.EXPIRED);
        assertThat(last.services().getFirst().instances()).extracting(i -> i.instanceId()).containsExactly("alive");
    }

    @Test
    void shouldNotExpireAnInstanceForTheTimeTheAggregatorItselfStoodStill() {
        ServiceCatalog beating = CourseCatalogs.v2("beating");
        publish(beating, T0);
        for (int second = 10; second <= 40; second += 10) {
            driver.advanceWallClockTime(Duration.ofSeconds(10));
            heartbeat(beating, T0.plusSeconds(second));
        }
        // The broker pauses for 35 s: the instance keeps beating, but the aggregator reads nothing until it resumes.
        driver.advanceWallClockTime(Duration.ofSeconds(35));
        heartbeat(beating, T0.plusSeconds(75));
        for (int second = 85; second <= 115; second += 10) {
            driver.advanceWallClockTime(Duration.ofSeconds(10));
            heartbeat(beating, T0.plusSeconds(second));
        }

        assertThat(catalogOut.readRecordsToList()).as("no expiry").isEmpty();
    }

    @Test
    void shouldNotExpireAnythingWhileStillWithinTheGraceAfterStart() {
        publish(CourseCatalogs.v1("quiet"), T0);
        driver.advanceWallClockTime(GRACE.minusSeconds(1));

        assertThat(catalogOut.isEmpty()).isTrue();
    }

    @Test
    void shouldApplyACurationRuleAndTakeItBackWhenDeleted() {
        TestInputTopic<String, byte[]> curation = driver.createInputTopic(topics.curation(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        publish(CourseCatalogs.v2("a"), T0);
        curation.pipeInput("hide-duration", TributarySerdes.curation().serializer().serialize("t",
                new io.tributary.curation.CurationRule.Hide("hide-duration", "Course.durationMinutes")), T0.plusSeconds(1));
        curation.pipeInput("hide-duration", null, T0.plusSeconds(2));

        List<SchemaView> written = views.readValuesToList();
        assertThat(written).extracting(SchemaView::version).containsExactly(1L, 2L, 3L);
        assertThat(written.get(1).sdl()).doesNotContain("durationMinutes");
        assertThat(written.get(1).cause().kind()).isEqualTo(io.tributary.view.Cause.EventKind.CURATED);
        assertThat(written.get(2).sdl()).contains("durationMinutes");
    }

    @Test
    void shouldTakeATombstoneWhoseEventHeaderIsNullForARetractionAndGoOn() {
        publish(CourseCatalogs.v2("a"), T0);
        catalog.pipeInput(new TestRecord<>("courses/a", null, new RecordHeaders().add("tributary.event", null), T0.plusSeconds(1)));
        publish(CourseCatalogs.v1("b"), T0.plusSeconds(2));

        assertThat(views.readValuesToList()).extracting(v -> v.cause().kind())
                .containsExactly(Cause.EventKind.PUBLISHED, Cause.EventKind.RETRACTED, Cause.EventKind.PUBLISHED);
    }

    @Test
    void shouldReferenceARecordTooLargeToCopyInsteadOfCopyingIt() {
        byte[] garbage = new byte[1_040_000];
        new Random(7).nextBytes(garbage);
        catalog.pipeInput("courses/a", garbage, T0);
        publish(CourseCatalogs.v1("b"), T0.plusSeconds(1));

        var record = rejected.readRecord();
        assertThat(record.key()).isEqualTo("courses/a");
        assertThat(record.value()).as("a copy would exceed the producer's request limit").isNull();
        assertThat(header(record, Headers.REJECTED_SOURCE)).isEqualTo(topics.catalog() + "/0@0");
        assertThat(header(record, Headers.REJECTED_ORIGINAL_SIZE)).isEqualTo("1040000");
        assertThat(header(record, Headers.REJECTED_REASON)).startsWith("undecodable catalog").contains("too large to copy");
        assertThat(views.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldRejectAKeyOfInvalidUtf8KeepingItsBytes() {
        byte[] key = {'c', 'o', (byte) 0xc3, (byte) 0x28, '/', 'a'};
        TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(topics.catalog(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        byte[] value = TributarySerdes.catalog().serializer().serialize("t", CourseCatalogs.v1("b"));
        raw.pipeInput(key, value, T0);

        TestOutputTopic<byte[], byte[]> rejectedBytes = driver.createOutputTopic(topics.catalogRejected(),
                Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
        var record = rejectedBytes.readRecord();
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.value()).isEqualTo(value);
        assertThat(new String(record.headers().lastHeader(Headers.REJECTED_REASON).value(), StandardCharsets.UTF_8))
                .contains("not valid UTF-8");
        assertThat(views.isEmpty()).isTrue();
    }

    @Test
    void shouldEscapeAKeyWithANewlineInItsLogLines() {
        Logger logger = (Logger) LoggerFactory.getLogger(LogFoldProcessor.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            catalog.pipeInput("courses/a\n2026-11-29 INFO forged line", "garbage".getBytes(), T0);
        } finally {
            logger.detachAppender(lines);
        }

        assertThat(lines.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .contains("courses/a\\n2026-11-29 INFO forged line").doesNotContain("\n"));
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private void heartbeat(ServiceCatalog c, Instant at) {
        heartbeats.pipeInput(c.instanceKey(), TributarySerdes.heartbeat().serializer().serialize("t",
                new io.tributary.catalog.Heartbeat(c.service(), c.instanceId(), at, c.leaseMillis())), at);
    }

    private void publish(ServiceCatalog c, Instant at) {
        catalog.pipeInput(c.instanceKey(), TributarySerdes.catalog().serializer().serialize(topics.catalog(), c), at);
    }
}
