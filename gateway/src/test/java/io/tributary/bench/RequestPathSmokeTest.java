package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A short run of benchmark 3 in the normal suite: the same path at 4 connections for a fraction of a second per row,
 * bounded to 200 requests per connection. It reports its figures and asserts only that every request was answered.
 */
class RequestPathSmokeTest {

    @Test
    void shouldAnswerEveryRequestOfTheRequestPathBenchmark() throws Exception {
        long failures = new RequestPathRun(new RequestPathRun.Settings(4, Duration.ofMillis(200), Duration.ofMillis(500), 200))
                .run(Path.of("target", "bench", "request-path-smoke"));

        assertThat(failures).isZero();
    }
}
