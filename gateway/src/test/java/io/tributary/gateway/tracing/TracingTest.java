package io.tributary.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class TracingTest {

    @Test
    void tracingIsOffUnlessEnabledAndOffMakesNothing() {
        Tracing tracing = Tracing.of(new TracingProperties());
        assertThat(tracing).isSameAs(Tracing.OFF);
        assertThat(tracing.enabled()).isFalse();
        assertThat(tracing.request(name -> "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", 0, "query", "Q", "sha256:x", "g", 1))
                .isSameAs(RequestSpan.NONE);
        assertThat(tracing.current()).isNull();
        CompletableFuture<String> work = CompletableFuture.completedFuture("done");
        assertThat(tracing.batch(null, "loader", 1, () -> work)).isSameAs(work);
        Map<String, String> headers = new HashMap<>(Map.of("traceparent", "from the client"));
        assertThat(tracing.downstream(tracing.parentOfCall(null), "courses", "GET", "/courses/{id}", URI.create("http://h:1/courses/1"),
                headers)).isNull();
        assertThat(headers).as("the client's trace context is left as it came").containsEntry("traceparent", "from the client");
        Executor threads = Runnable::run;
        assertThat(tracing.executor(null, threads)).isSameAs(threads);
    }

    @Test
    void aSamplingRatioOutsideZeroToOneIsRefusedWithTheKeyToFix() {
        TracingProperties properties = new TracingProperties();
        assertThatThrownBy(() -> properties.setSamplingRatio(1.5)).hasMessageContaining("tributary.gateway.tracing.sampling-ratio");
    }
}
