package io.tributary.aggregator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;

/** What the aggregator counts: views written, time to fold and compose, rejected events, quarantined services. */
final class AggregatorMetrics {
    private final Counter views;
    private final Counter rejected;
    private final Timer fold;
    private final AtomicInteger quarantined = new AtomicInteger();

    AggregatorMetrics(MeterRegistry registry) {
        views = Counter.builder("tributary.aggregator.views").description("Schema views written").register(registry);
        rejected = Counter.builder("tributary.aggregator.rejected.events").description("Catalog events rejected").register(registry);
        fold = Timer.builder("tributary.aggregator.fold").description("Time to fold one catalog event: compose, lint, diff")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("tributary.aggregator.quarantined.services", quarantined);
    }

    Timer fold() {
        return fold;
    }

    void viewWritten(int quarantinedServices) {
        views.increment();
        quarantined.set(quarantinedServices);
    }

    void rejected() {
        rejected.increment();
    }
}
