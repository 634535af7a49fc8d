package io.tributary.cli.bench;

import io.tributary.catalog.SyntheticGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 1 at full length ({@link PropagationRun}): 204 changes ({@code bench.changes}) after 300 of warm-up
 * ({@code bench.warm-up}), on a 3-resource graph and at Coursera scale. Prints figures; asserts none. Run it with
 * {@code ./mvnw -B -pl cli -am test -Dgroups=bench -Dbench.excluded=none -Dtest=PropagationBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.graphs=small} or {@code coursera} for one of the two); the figures land in
 * {@code cli/target/surefire-reports/io.tributary.cli.bench.PropagationBench-output.txt}.
 */
@Tag("bench")
class PropagationBench {
    @Test
    void measurePropagationFromCatalogRecordToBothGatewaysServing() throws Exception {
        // A running system's parts are compiled; the five JVMs here compile the per-change paths (the broker's
        // transactions, Kafka Streams' commit, the fold, the swap) only after a few hundred changes: with 12 changes of
        // warm-up, the small graph measured p50 45 and p99 120 ms, with 300 p50 27 and p99 79 ms on the same machine.
        int warmUp = Integer.getInteger("bench.warm-up", 300);
        int changes = Integer.getInteger("bench.changes", 204);
        String graphs = System.getProperty("bench.graphs", "small,coursera");
        if (graphs.contains("small")) {
            new PropagationRun(new PropagationRun.Settings("3 resources", new SyntheticGraph(3, 3), warmUp, changes))
                    .run(Path.of("target", "bench", "propagation-small"));
        }
        if (graphs.contains("coursera")) {
            new PropagationRun(new PropagationRun.Settings("Coursera scale", SyntheticGraph.COURSERA, warmUp, changes))
                    .run(Path.of("target", "bench", "propagation-coursera"));
        }
    }
}
