package io.tributary.gateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.GatewayProperties;
import io.tributary.gateway.schema.ViewInstrumentation;
import jakarta.inject.Singleton;

/**
 * The HTTP face's beans: the header allowlist, and the query timer, first in every graph's instrumentation so it
 * also times the requests the limits reject. Operation names come from clients, so the timer keeps at most
 * {@value #MAX_OPERATIONS} of them.
 */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
class HttpBeans {
    static final int MAX_OPERATIONS = 500;

    @Singleton
    ForwardedHeaders forwardedHeaders(GatewayProperties properties) {
        return new ForwardedHeaders(properties.headerForwarding().names());
    }

    @Singleton
    @Order(0)
    ViewInstrumentation queryMetrics(MeterRegistry registry) {
        return (view, calls) -> new QueryMetrics(registry, view.graph());
    }

    @Singleton
    MeterFilter boundedOperationNames() {
        return MeterFilter.maximumAllowableTags(QueryMetrics.TIMER, "operation", MAX_OPERATIONS, MeterFilter.deny());
    }
}
