package io.tributary.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.fold.ServiceStatus;
import io.tributary.view.SchemaView;
import io.tributary.view.FoldSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fold's rules as deploys actually happen, through the real topology: rolling deploys, rollbacks, conflicts, quarantine. */
class FoldScenariosTest {
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private final Topics topics = Topics.withDefaultPrefix();
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> catalog;
    private TestOutputTopic<String, SchemaView> views;
    private Instant clock = T0;

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(AggregatorTopology.build(new StreamsBuilder(), topics,
                new AggregatorTopology.Settings("default", FoldSettings.DEFAULT, Duration.ofSeconds(1), Duration.ofSeconds(30),
                        new SimpleMeterRegistry()), new ViewBytes()),
                SchemaAggregator.streamsProperties(SchemaAggregator.Config.builder("unused:9092").stateDir(stateDir).build()), T0);
        catalog = driver.createInputTopic(topics.catalog(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        views = driver.createOutputTopic(topics.schema(), Serdes.String().deserializer(), TributarySerdes.view().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldWidenTheGraphOnlyWhenTheLastOldInstanceOfARollingDeployLeaves() {
        publish(CourseCatalogs.v1("a"));
        publish(CourseCatalogs.v1("b"));
        publish(CourseCatalogs.v2("c"));
        retract("courses/a");
        publish(CourseCatalogs.v2("d"));
        retract("courses/b");

        List<SchemaView> written = views.readValuesToList();
        assertThat(written).allSatisfy(v -> assertThat(v.sdl().contains("durationMinutes")).isEqualTo(v == written.getLast()));
        assertThat(written).extracting(v -> v.services().getFirst().status()).contains(ServiceStatus.ROLLING);
        assertThat(written.getLast().services().getFirst().status()).isEqualTo(ServiceStatus.STABLE);
    }

    @Test
    void shouldNarrowTheGraphTheMomentARollbackStartsInTheMiddleOfARollingDeploy() {
        publish(CourseCatalogs.v1("a"));
        publish(CourseCatalogs.v2("b"));
        retract("courses/a");
        assertThat(views.readValuesToList().getLast().sdl()).contains("durationMinutes");

        publish(CourseCatalogs.v1("rollback-1"));

        SchemaView rolledBack = views.readValuesToList().getLast();
        assertThat(rolledBack.sdl()).doesNotContain("durationMinutes");
        assertThat(rolledBack.changes()).anySatisfy(c -> assertThat(c.coordinate()).isEqualTo("Course.durationMinutes"));
    }

    @Test
    void shouldKeepTheFirstOwnerOfAResourceAndExcludeTheSecondWithADiagnostic() {
        publish(CourseCatalogs.v1("a"));
        ServiceCatalog impostor = new ServiceCatalog("imposter", "x", "1", T0, "http://elsewhere", 30_000, CourseCatalogs.v2("x").resources());
        publish(impostor);

        SchemaView view = views.readValuesToList().getLast();
        assertThat(view.sdl()).doesNotContain("durationMinutes");
        assertThat(view.diagnostics()).extracting(Diagnostic::code, Diagnostic::where)
                .contains(org.assertj.core.groups.Tuple.tuple("RESOURCE_CONFLICT", "imposter:courses.v1"));
    }

    @Test
    void shouldOmitADanglingRelationUntilItsTargetArrives() {
        publish(GraphCatalogs.instructors());
        assertThat(views.readValuesToList().getLast().sdl()).doesNotContain("partner: Partner");

        publish(GraphCatalogs.partners());

        assertThat(views.readValuesToList().getLast().sdl()).contains("partner: Partner");
    }

    @Test
    void shouldQuarantineABrokenDeployAndRecoverWhenAFixedOneArrives() {
        publish(CourseCatalogs.v1("a"));
        ServiceCatalog broken = CourseCatalogs.instance("b", "2.0.0-broken", CourseCatalogs.COURSE_V2.replace(
                "\"name\": \"durationMinutes\"", "\"name\": \"__durationMinutes\""));
        retract("courses/a");
        publish(broken);
        SchemaView quarantined = views.readValuesToList().getLast();
        assertThat(quarantined.services().getFirst().status()).isEqualTo(ServiceStatus.QUARANTINED);
        assertThat(quarantined.sdl()).contains("type Course {");

        retract("courses/b");
        publish(CourseCatalogs.v2("c"));

        SchemaView recovered = views.readValuesToList().getLast();
        assertThat(recovered.services().getFirst().status()).isEqualTo(ServiceStatus.STABLE);
        assertThat(recovered.sdl()).contains("durationMinutes");
        assertThat(recovered.failedServices()).isEmpty();
    }

    @Test
    void shouldWriteByteIdenticalViewsForTheSameEventsInTheSameOrder() {
        List<ServiceCatalog> events = List.of(CourseCatalogs.v1("a"), GraphCatalogs.partners(), GraphCatalogs.instructors(),
                CourseCatalogs.v2("b"));
        events.forEach(this::publish);
        List<SchemaView> first = views.readValuesToList();
        driver.close();
        startDriverIn(stateDir.resolve("second"));
        clock = T0;
        events.forEach(this::publish);

        assertThat(views.readValuesToList()).isEqualTo(first);
    }

    private void startDriverIn(Path dir) {
        stateDir = dir;
        startDriver();
    }

    private void publish(ServiceCatalog c) {
        clock = clock.plusSeconds(1);
        catalog.pipeInput(c.instanceKey(), TributarySerdes.catalog().serializer().serialize(topics.catalog(), c), clock);
    }

    private void retract(String key) {
        clock = clock.plusSeconds(1);
        catalog.pipeInput(key, null, clock);
    }

}
