package io.tributary.cli.bench;

import io.tributary.catalog.SyntheticGraph;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 4 at full length ({@link ReplayRun}): a log of 1,000,000 catalog events ({@code bench.replay.events}) of a
 * 10-service, 20-resource fleet; {@code tributary replay} folds its first 1,000 ({@code bench.replay.folded}), then
 * reads it whole and folds its last {@value ReplayRun#TAIL} ({@code -Dbench.replay.parts=tail} for the second only). Prints figures; asserts none. Run it with
 * {@code ./mvnw -B -pl cli -am test -Dgroups=bench -Dbench.excluded=none -Dtest=ReplayBench -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures land in {@code cli/target/surefire-reports/io.tributary.cli.bench.ReplayBench-output.txt}.
 */
@Tag("bench")
class ReplayBench {

    @Test
    void measureReplayOfAMillionCatalogEvents() throws Exception {
        new ReplayRun(new ReplayRun.Settings(Integer.getInteger("bench.replay.events", 1_000_000),
                Integer.getInteger("bench.replay.folded", 1_000), new SyntheticGraph(10, 20), Duration.ofHours(1)))
                .run(Path.of("target", "bench", "replay"));
    }
}
