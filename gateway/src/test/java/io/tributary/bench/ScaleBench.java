package io.tributary.bench;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.catalog.SyntheticGraph;
import io.tributary.compose.GraphComposer;
import io.tributary.fold.EffectiveCatalog;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.lint.LintSettings;
import io.tributary.lint.SchemaLint;
import io.tributary.view.Cause;
import io.tributary.view.FoldState;
import io.tributary.view.FoldStep;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Coursera-scale bar, measured: {@link SyntheticGraph#COURSERA} (70 services, 1,000 resources, about 5,000
 * types), folded, composed, linted and built into an executable gateway graph. Prints figures; asserts none. Run it with
 * {@code ./mvnw -pl gateway test -Dgroups=bench -Dbench.excluded=none -Dtest=ScaleBench -Dsurefire.failIfNoSpecifiedTests=false}
 * (the figures land in {@code gateway/target/surefire-reports/io.tributary.bench.ScaleBench-output.txt}).
 */
@Tag("bench")
class ScaleBench {
    private static final int ROUNDS = 5;
    private static final int WARM_UP = 3;

    @Test
    void measureFoldComposeLintAndGatewayBuildAtCourseraScale() {
        List<ServiceCatalog> live = SyntheticGraph.COURSERA.catalogs();
        ViewFold fold = new ViewFold("default");
        SchemaView view = time("fold (compose + lint + hash)", () ->
                fold.next(Optional.empty(), live, new Cause("bench", 0, 0, "bench"), Instant.EPOCH).orElseThrow());
        List<EffectiveCatalog> effective = live.stream().map(c -> EffectiveCatalog.of(List.of(c))).toList();
        var composed = time("compose only", () -> new GraphComposer().compose(effective));
        time("lint only (on the composed schema)", () -> new SchemaLint(LintSettings.DEFAULT).check(composed.schema(), composed.routing()));
        ExecutableGraphFactory factory = new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(1)), Clock.systemUTC());
        time("gateway build (parse SDL, wire, engine)", () -> factory.build(view));
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("SDL %,d chars; heap in use after the builds %d MB%n", view.sdl().length(),
                (runtime.totalMemory() - runtime.freeMemory()) / 1_048_576);
    }

    /**
     * One change at scale, as the aggregator meets it: the loaded 70-service graph, then a deploy of a new version of
     * one service (its instance replaced by one publishing another catalog), folded against the last view and state.
     * Each round deploys a version no round folded before, so no remembered composition answers it.
     */
    @Test
    void measureOneChangeAtCourseraScale() {
        SyntheticGraph graph = SyntheticGraph.COURSERA;
        List<ServiceCatalog> live = new ArrayList<>(graph.catalogs());
        ViewFold fold = new ViewFold("default");
        long loading = System.nanoTime();
        FoldStep step = fold.next(Optional.empty(), live, FoldState.EMPTY, new Cause("bench", 0, 0, "bench"), Instant.EPOCH);
        // Cold only when this test runs first in its JVM: then every piece is composed, printed and validated here.
        System.out.printf("%-42s %5d ms%n", "first fold of the loaded graph", (System.nanoTime() - loading) / 1_000_000);
        SchemaView view = step.view().orElseThrow();
        FoldState state = step.state();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> nanos = new ArrayList<>();
        List<Long> cpuNanos = new ArrayList<>();
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            int service = round * 7 % graph.services();
            live.set(service, graph.catalog(service, round + 2, "i-1", 30_000));
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            step = fold.next(Optional.of(view), live, state, new Cause("bench", 0, round + 1, "bench"), Instant.EPOCH);
            long cpu = threads.getCurrentThreadCpuTime() - cpuStarted;
            long took = System.nanoTime() - started;
            view = step.view().orElseThrow();
            state = step.state();
            if (round >= WARM_UP) {
                nanos.add(took);
                cpuNanos.add(cpu);
            }
        }
        Collections.sort(nanos);
        Collections.sort(cpuNanos);
        // The thread's CPU time is steadier than the wall clock on a shared machine.
        System.out.printf("%-42s best of %d: %5d ms, median %5d ms; CPU best %d ms, median %d ms (after %d warm-up changes)%n",
                "fold of one change (a deploy)", ROUNDS, nanos.getFirst() / 1_000_000, nanos.get(ROUNDS / 2) / 1_000_000,
                cpuNanos.getFirst() / 1_000_000, cpuNanos.get(ROUNDS / 2) / 1_000_000, WARM_UP);
    }

    /** Times a few rounds; the first is also shown, since the fold remembers what it composed and the later ones reuse it. */
    private static <T> T time(String what, Supplier<T> work) {
        T result = null;
        long best = Long.MAX_VALUE;
        long first = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            result = work.get();
            long took = System.nanoTime() - started;
            first = round == 0 ? took : first;
            best = Math.min(best, took);
        }
        System.out.printf("%-42s best of %d: %5d ms (first %d ms)%n", what, ROUNDS, best / 1_000_000, first / 1_000_000);
        return result;
    }
}
