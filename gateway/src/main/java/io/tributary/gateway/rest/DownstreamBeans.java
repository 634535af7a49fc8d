package io.tributary.gateway.rest;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tributary.gateway.Gateway;
import jakarta.inject.Singleton;

/** Makes the configured {@link RestSettings} a bean of the gateway's environment, for the beans that call services. */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
public class DownstreamBeans {

    @Singleton
    RestSettings restSettings(DownstreamProperties properties) {
        return properties.toSettings();
    }
}
