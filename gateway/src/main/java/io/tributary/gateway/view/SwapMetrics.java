package io.tributary.gateway.view;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.SwapListener;
import io.tributary.gateway.schema.SwapReport;
import io.tributary.view.SchemaView;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The swap in numbers: the view version served, how long building and warming took, the lag from a view's
 * composition to its swap here (publish-to-applied, minus the publisher's hop), the operations a swap broke, refusals.
 */
public final class SwapMetrics implements SwapListener {
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong broken = new AtomicLong();
    private final Timer swap;
    private final Timer lag;
    private final Counter refused;

    public SwapMetrics(MeterRegistry registry, String graph) {
        registry.gauge("tributary.gateway.view.version", java.util.List.of(io.micrometer.core.instrument.Tag.of("graph", graph)), version);
        registry.gauge("tributary.gateway.swap.broken.operations", java.util.List.of(io.micrometer.core.instrument.Tag.of("graph", graph)), broken);
        swap = Timer.builder("tributary.gateway.swap").description("Building and warming a view before the swap")
                .tag("graph", graph).publishPercentiles(0.5, 0.99).register(registry);
        lag = Timer.builder("tributary.gateway.view.lag").description("From a view's composition to its swap at this gateway")
                .tag("graph", graph).publishPercentiles(0.5, 0.99).register(registry);
        refused = Counter.builder("tributary.gateway.swap.refused").description("Views this gateway could not build")
                .tag("graph", graph).register(registry);
    }

    @Override
    public void swapped(ExecutableGraph graph, SwapReport report) {
        version.set(graph.view().version());
        broken.set(report.brokenOperations().size());
        swap.record(report.buildTime());
        Duration sinceComposed = Duration.between(graph.view().composedAt(), graph.appliedAt());
        if (!sinceComposed.isNegative()) {
            lag.record(sinceComposed);
        }
    }

    @Override
    public void refused(SchemaView view, String reason) {
        refused.increment();
    }
}
