package io.tributary.bench;

import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.catalog.SyntheticGraph;
import io.tributary.compose.GraphComposer;
import io.tributary.fold.EffectiveCatalog;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.lint.LintSettings;
import io.tributary.lint.SchemaLint;
import io.tributary.view.Cause;
import io.tributary.view.FoldState;
import io.tributary.view.FoldStep;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
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
     * The gateway's side of one change at Coursera scale, median and best of {@value #ROUNDS}: a build from scratch, the
     * swap (build, warm, swap) of a view in which ONE service changed, the same two on a 3-resource graph, and the heap
     * in use once the previous graph is released. Each swap is a real change: round {@code r} deploys version 2 of
     * service {@code r} over the view before it. Run with the gateway's launcher flags to see its memory in production:
     * {@code -Dtest.jvm.args="$(bin/jvm-options gateway)"}.
     */
    @Test
    void measureGatewayBuildAndSwap() {
        measureGateway("Coursera scale", SyntheticGraph.COURSERA);
        measureGateway("3 resources", new SyntheticGraph(3, 3));
    }

    private static void measureGateway(String label, SyntheticGraph graph) {
        ViewFold fold = new ViewFold("default");
        List<ServiceCatalog> live = new ArrayList<>(graph.catalogs());
        SchemaView first = fold.next(Optional.empty(), live, new Cause("bench", 0, 0, "bench"), Instant.EPOCH).orElseThrow();
        List<SchemaView> changes = new ArrayList<>();
        SchemaView last = first;
        for (int round = 0; round < ROUNDS + 1; round++) {
            int service = round % graph.services();
            live.set(service, graph.catalog(service, round / graph.services() + 2, "i-1", 30_000));
            last = fold.next(Optional.of(last), live, new Cause("bench", 0, round + 1, "bench"), Instant.EPOCH).orElseThrow();
            changes.add(last);
        }
        byte[] record = TributarySerdes.view().serializer().serialize("", first);
        Deserializer<SchemaView> views = TributarySerdes.view().deserializer();
        timeEach(label + ": decode the view's record (" + record.length / 1024 + " KiB)", () -> views.deserialize("", record));
        ExecutableGraphFactory factory = new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(1)), Clock.systemUTC());
        timeEach(label + ": gateway build from scratch", () -> factory.build(first));
        GraphHolder holder = new GraphHolder(factory);
        holder.apply(first);
        holder.apply(changes.getFirst());
        Iterator<SchemaView> next = changes.subList(1, changes.size()).iterator();
        timeEach(label + ": swap of one changed service", () -> holder.apply(next.next()));
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%s: heap in use serving one graph, the previous ones released: %d MB (max heap %d MB); RSS %s%n",
                label, (runtime.totalMemory() - runtime.freeMemory()) / 1_048_576, runtime.maxMemory() / 1_048_576, rss());
    }

    /**
     * Times {@value #ROUNDS} runs of the work; prints the median and the best wall-clock time, the median CPU time of
     * the thread that did the work (steadier on a shared machine), and the garbage collectors' time during the runs.
     */
    private static void timeEach(String what, Supplier<?> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[ROUNDS];
        long[] cpu = new long[ROUNDS];
        long gcBefore = gcMillis();
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            work.get();
            cpu[round] = threads.getCurrentThreadCpuTime() - cpuStarted;
            nanos[round] = System.nanoTime() - started;
        }
        long gc = gcMillis() - gcBefore;
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf("%-50s median %5d ms, best %5d ms; thread CPU median %5d ms; GC %5d ms in all (of %d)%n", what,
                nanos[ROUNDS / 2] / 1_000_000, nanos[0] / 1_000_000, cpu[ROUNDS / 2] / 1_000_000, gc, ROUNDS);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .map(l -> l.substring(6).trim()).findFirst().orElse("unknown");
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long loading = System.nanoTime();
        long loadingCpu = threads.getCurrentThreadCpuTime();
        FoldStep step = fold.next(Optional.empty(), live, FoldState.EMPTY, new Cause("bench", 0, 0, "bench"), Instant.EPOCH);
        // Cold only when this test runs first in its JVM: then every piece is composed, printed and validated here.
        System.out.printf("%-42s %5d ms; CPU %d ms%n", "first fold of the loaded graph", (System.nanoTime() - loading) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - loadingCpu) / 1_000_000);
        SchemaView view = step.view().orElseThrow();
        FoldState state = step.state();
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
