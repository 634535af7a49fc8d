package io.tributary.gateway.limits;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.schema.ViewInstrumentation;
import jakarta.inject.Singleton;

/** Adds the operation limits to every graph the gateway builds, after the metrics and before the scopes. */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
class LimitsBeans {

    @Singleton
    @Order(10)
    ViewInstrumentation operationLimits(Limits limits) {
        OperationLimits instrumentation = new OperationLimits(limits);
        return view -> instrumentation;
    }
}
