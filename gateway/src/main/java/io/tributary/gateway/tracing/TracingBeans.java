package io.tributary.gateway.tracing;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tributary.gateway.Gateway;
import jakarta.inject.Singleton;
import org.slf4j.LoggerFactory;

/** The gateway's {@link Tracing}, as {@code tributary.gateway.tracing.*} configures it; flushed when the gateway stops. */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
class TracingBeans {

    @Singleton
    @Bean(preDestroy = "close")
    Tracing tracing(TracingProperties properties) {
        Tracing tracing = Tracing.of(properties);
        if (tracing.enabled()) {
            LoggerFactory.getLogger(TracingBeans.class).info("Tracing {} of new traces to {}", properties.getSamplingRatio(),
                    properties.getEndpoint());
        }
        return tracing;
    }
}
