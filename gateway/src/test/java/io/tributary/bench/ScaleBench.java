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
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private static <T> T time(String what, Supplier<T> work) {
        T result = null;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            result = work.get();
            best = Math.min(best, System.nanoTime() - started);
        }
        System.out.printf("%-42s best of %d: %5d ms%n", what, ROUNDS, best / 1_000_000);
        return result;
    }
}
