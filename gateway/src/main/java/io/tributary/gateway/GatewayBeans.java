package io.tributary.gateway;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tributary.gateway.rest.RestClient;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.gateway.schema.GraphHolder;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Makes the plain-Java gateway parts beans; they stay free of Micronaut so they are tested without it. */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
class GatewayBeans {

    @Singleton
    GraphHolder graphHolder(GatewayProperties properties) {
        return new GraphHolder(new ExecutableGraphFactory(new RestClient(properties.getDownstreamTimeout()), Clock.systemUTC()));
    }
}
