package io.tributary.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.CatalogEvents;
import io.tributary.avro.RecordReplay;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.diff.SchemaChanges;
import io.tributary.view.CandidateDeploy;
import io.tributary.view.Cause;
import io.tributary.view.DeployVerdict;
import io.tributary.view.LogEvent;
import io.tributary.view.SchemaView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;

/**
 * What {@code check} says is what the aggregator then does: after a random history of the log, check's verdict on a
 * random candidate catalog (the view it predicts or none, blocked by lint or not, the changes) is what the live
 * aggregator makes of the deploy's events when they are then published, at the offsets check assumed.
 */
class CheckVerdictTest {

    @Property(tries = 500)
    void shouldPredictWhatTheAggregatorDoesWithTheDeploy(@ForAll("steps") List<LogSteps.Step> steps,
                                                         @ForAll("clock") List<Integer> advances,
                                                         @ForAll("candidates") ServiceCatalog candidate,
                                                         @ForAll("deployDelay") int deployDelay) {
        try (LiveAggregator aggregator = new LiveAggregator()) {
            Instant at = LiveAggregator.T0;
            for (int i = 0; i < steps.size(); i++) {
                at = at.plusMillis(advances.get(i % advances.size()));
                aggregator.pipe(steps.get(i), at);
            }
            List<SchemaView> served = aggregator.newViews();
            RecordReplay replay = aggregator.replay(new ArrayList<>());
            Instant deployAt = at.plusMillis(deployDelay);
            CandidateDeploy deploy = CandidateDeploy.of(candidate.service(), candidate.resources(), candidate.operations(), deployAt);

            DeployVerdict verdict = deploy.onto(replay.fold());
            double blockedBefore = 0;
            for (LogEvent event : deploy.events(replay.liveInstances())) {
                blockedBefore = aggregator.blockedGraphs();
                aggregator.pipeCatalog(record(event, deployAt));
            }
            List<SchemaView> madeByDeploy = aggregator.newViews();

            assertThat(verdict.before()).isEqualTo(served.isEmpty() ? Optional.empty() : Optional.of(served.getLast()));
            Optional<SchemaView> after = madeByDeploy.isEmpty() ? Optional.empty() : Optional.of(madeByDeploy.getLast());
            assertThat(verdict.next().map(CheckVerdictTest::inCatalogTopic)).isEqualTo(after);
            assertThat(!verdict.blockedBy().isEmpty()).as("lint errors block the candidate's publication")
                    .isEqualTo(aggregator.blockedGraphs() > blockedBefore);
            assertThat(verdict.changes()).isEqualTo(after.flatMap(view -> verdict.before().map(
                    previous -> SchemaChanges.between(previous.sdl(), view.sdl()))).orElse(List.of()));
            Statistics.label("verdict").collect(verdict.kind());
            Statistics.label("verdict").coverage(coverage -> {
                for (DeployVerdict.Kind kind : DeployVerdict.Kind.values()) {
                    coverage.check(kind).count(n -> n > 0);
                }
            });
            if (verdict.kind() == DeployVerdict.Kind.BLOCKED) {
                assertThat(after.map(SchemaView::cause).map(Cause::key)).isNotEqualTo(Optional.of(deploy.candidate().instanceKey()));
            }
        }
    }

    /** The view check predicts, as the aggregator names its cause: the catalog topic, not the trial's. */
    private static SchemaView inCatalogTopic(SchemaView view) {
        Cause cause = view.cause();
        return new SchemaView(view.graph(), view.version(), view.hash(), view.composedAt(), view.sdl(), view.routing(), view.services(),
                view.diagnostics(), view.failedServices(), view.changes(),
                new Cause("tributary.catalog", cause.partition(), cause.offset(), cause.key(), cause.kind()));
    }

    private static TestRecord<byte[], byte[]> record(LogEvent event, Instant at) {
        return switch (event) {
            case LogEvent.Retracted retracted -> new TestRecord<>(retracted.key().getBytes(StandardCharsets.UTF_8), null,
                    retracted.expired() ? CatalogEvents.expiryHeaders() : new RecordHeaders(), at);
            case LogEvent.Published published -> new TestRecord<>(published.key().getBytes(StandardCharsets.UTF_8),
                    TributarySerdes.catalog().serializer().serialize("", published.catalog()), new RecordHeaders(), at);
            default -> throw new IllegalArgumentException("a deploy is retractions and one publication: " + event);
        };
    }

    @Provide
    Arbitrary<List<LogSteps.Step>> steps() {
        return LogSteps.steps();
    }

    @Provide
    Arbitrary<List<Integer>> clock() {
        return LogSteps.clock();
    }

    /** The catalogs of the histories, and a newcomer that claims names another service holds. */
    @Provide
    Arbitrary<ServiceCatalog> candidates() {
        ServiceCatalog rival = new ServiceCatalog("aardvark-courses", "x", "1", LiveAggregator.T0, "http://elsewhere", 30_000,
                List.of(new Resource("lessons", 1, "", CourseCatalogs.courses(CourseCatalogs.COURSE_V1).model(), "id", List.of()),
                        CourseCatalogs.courses(CourseCatalogs.COURSE_V2)));
        return Arbitraries.frequencyOf(Tuple.of(8, LogSteps.catalogs()), Tuple.of(1, Arbitraries.just(rival)));
    }

    /** The deploy comes at the last event's time, or a little later. */
    @Provide
    Arbitrary<Integer> deployDelay() {
        return Arbitraries.of(0, 1, 1000);
    }
}
