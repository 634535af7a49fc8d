package io.tributary.gateway.view;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.SwapListener;
import io.tributary.gateway.schema.SwapReport;
import io.tributary.view.SchemaView;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The swap in numbers: the view version served (0 while none is), how long building and warming took, the lag from a
 * view's composition to its swap here (publish-to-applied, minus the publisher's hop), the operations a swap broke or
 * had no time to check, refusals, withdrawals, and whether the view subscriber's link to Kafka is up.
 */
public final class SwapMetrics implements SwapListener {
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong broken = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final Timer swap;
    private final Timer lag;
    private final Counter refused;
    private final Counter withdrawn;

    public SwapMetrics(MeterRegistry registry, String graph) {
        List<Tag> tags = List.of(Tag.of("graph", graph));
        registry.gauge("tributary.gateway.view.version", tags, version);
        registry.gauge("tributary.gateway.swap.broken.operations", tags, broken);
        registry.gauge("tributary.gateway.swap.skipped.operations", tags, skipped);
        swap = Timer.builder("tributary.gateway.swap").description("Building and warming a view before the swap")
                .tag("graph", graph).publishPercentiles(0.5, 0.99).register(registry);
        lag = Timer.builder("tributary.gateway.view.lag").description("From a view's composition to its swap at this gateway")
                .tag("graph", graph).publishPercentiles(0.5, 0.99).register(registry);
        refused = Counter.builder("tributary.gateway.swap.refused").description("Views this gateway could not build")
                .tag("graph", graph).register(registry);
        withdrawn = Counter.builder("tributary.gateway.view.withdrawn")
                .description("Served views withdrawn because they belong to another Kafka cluster").tag("graph", graph).register(registry);
    }

    /** Also measures the link to Kafka: {@code tributary.gateway.kafka.connected} is 1 while views are followed, else 0. */
    public SwapMetrics(MeterRegistry registry, String graph, KafkaLink link) {
        this(registry, graph);
        registry.gauge("tributary.gateway.kafka.connected", List.of(Tag.of("graph", graph)), link, l -> l.connected() ? 1 : 0);
    }

    @Override
    public void swapped(ExecutableGraph graph, SwapReport report) {
        version.set(graph.view().version());
        broken.set(report.brokenOperations().size());
        skipped.set(report.skippedOperations());
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

    @Override
    public void withdrawn(SchemaView view, String reason) {
        withdrawn.increment();
        version.set(0);
        broken.set(0);
        skipped.set(0);
    }
}
