package io.tributary.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.SyntheticGraph;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short run of benchmark 4 in the normal suite: a log of 400 catalog events, its first 100 and its last
 * {@value ReplayRun#TAIL} re-folded by {@code tributary replay} in a JVM of its own. It reports its figures and asserts only that each replay folded
 * the events it was asked to, none rejected.
 */
class ReplaySmokeTest {

    @Test
    void shouldFoldTheEventsEachReplayWasAskedTo() throws Exception {
        List<ReplayRun.Result> results = new ReplayRun(new ReplayRun.Settings(400, 100, new SyntheticGraph(10, 20), Duration.ofMinutes(5)))
                .run(Path.of("target", "bench", "replay-smoke"));

        assertThat(results).extracting(ReplayRun.Result::exit).containsOnly(0);
        assertThat(results).extracting(ReplayRun.Result::replayed).containsExactly(100L, (long) ReplayRun.TAIL);
        assertThat(results).extracting(ReplayRun.Result::rejected).containsOnly(0L);
    }
}
