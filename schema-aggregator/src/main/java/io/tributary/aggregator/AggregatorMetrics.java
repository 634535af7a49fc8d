package io.tributary.aggregator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;

/** What the aggregator counts: views written, graphs lint kept from being served, time to fold, rejected events, quarantined services. */
final class AggregatorMetrics {
    private final Counter views;
    private final Counter rejected;
    private final Counter blocked;
    private final Timer fold;
    private final AtomicInteger quarantined = new AtomicInteger();

    AggregatorMetrics(MeterRegistry registry) {
        views = Counter.builder("tributary.aggregator.views").description("Schema views written").register(registry);
        blocked = Counter.builder("tributary.aggregator.blocked.graphs")
                .description("Changed graphs that lint errors kept from becoming a view (lint errors set to block)").register(registry);
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

    void blocked() {
        blocked.increment();
    }

    void rejected() {
        rejected.increment();
    }
}
