package io.tributary.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 3, the request path, at full length: 32 connections, 45 s of warm-up (so the JIT has compiled the path:
 * after 15 s on a loaded 2-core machine its compiler threads still took a third of the gateway's CPU) and 15 s
 * measured per query and target ({@code bench.warmup} and {@code bench.seconds}, {@code bench.connections} and
 * {@code bench.queries}, such as {@code 1,3}, change them; {@code -Dbench.jfr=true} records the gateway during each
 * measured phase). Prints figures; asserts none. Run it with
 * {@code ./mvnw -B -pl gateway -am test -Dgroups=bench -Dbench.excluded=none -Dtest=RequestPathBench -Dsurefire.failIfNoSpecifiedTests=false}
 * (the figures land in {@code gateway/target/surefire-reports/io.tributary.bench.RequestPathBench-output.txt}, the
 * gateway's log in {@code gateway/target/bench/request-path}).
 */
@Tag("bench")
class RequestPathBench {

    @Test
    void measureTheRequestPathAgainstTheServicesDirectly() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 15);
        new RequestPathRun(new RequestPathRun.Settings(Integer.getInteger("bench.connections", 32),
                Duration.ofSeconds(Integer.getInteger("bench.warmup", 45)), Duration.ofSeconds(seconds), Long.MAX_VALUE))
                .run(Path.of("target", "bench", "request-path"));
    }
}
