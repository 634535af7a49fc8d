package io.tributary.gateway.rest.client;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.tributary.gateway.Gateway;
import jakarta.inject.Singleton;

/**
 * Makes the configured {@link RestSettings} a bean of the gateway's environment, for the beans that call services;
 * its default deny list keeps catalogs from pointing the gateway at its own HTTP port.
 */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
public class DownstreamBeans {

    @Singleton
    RestSettings restSettings(DownstreamProperties properties, @Value("${micronaut.server.port:8080}") int gatewayPort) {
        return properties.toSettings(gatewayPort);
    }
}
