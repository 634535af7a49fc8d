package io.tributary.gateway.limits;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.schema.ViewInstrumentation;
import jakarta.inject.Singleton;

/**
 * Adds the operation limits to every graph the gateway builds, after the metrics and before the scopes, each with the
 * downstream calls its view's routing makes.
 */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
class LimitsBeans {

    @Singleton
    @Order(10)
    ViewInstrumentation operationLimits(Limits limits) {
        return (view, calls) -> new OperationLimits(limits, calls);
    }
}
