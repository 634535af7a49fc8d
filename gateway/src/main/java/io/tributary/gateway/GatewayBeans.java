package io.tributary.gateway;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tributary.avro.Topics;
import io.tributary.gateway.rest.RestClient;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.gateway.schema.ViewInstrumentation;
import io.tributary.gateway.view.ServingProperties;
import io.tributary.gateway.view.StatusPublisher;
import io.tributary.gateway.view.ViewCache;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Makes the plain-Java gateway parts beans; they stay free of Micronaut so they are tested without it. The holder
 * starts on the cached view, if any, before the first view arrives from Kafka.
 */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
class GatewayBeans {

    @Singleton
    GraphHolder graphHolder(GatewayProperties properties, List<ViewInstrumentation> instrumentations) {
        return new GraphHolder(new ExecutableGraphFactory(new RestClient(properties.getDownstreamTimeout()), instrumentations,
                Clock.systemUTC()));
    }

    @Context
    ViewCache viewCache(GraphHolder holder, ServingProperties serving, GatewayProperties properties) {
        ViewCache cache = new ViewCache(serving.getCacheDir(), properties.getGraph());
        cache.load().ifPresent(holder::apply);
        holder.addListener(cache);
        return cache;
    }

    @Context
    @Bean(preDestroy = "close")
    StatusPublisher statusPublisher(GraphHolder holder, ServingProperties serving, GatewayProperties properties) {
        StatusPublisher publisher = new StatusPublisher(properties.getBootstrapServers(),
                new Topics(properties.getTopicPrefix()).gatewayStatus(), serving.getGatewayId(), properties.getGraph(), holder,
                Clock.systemUTC());
        holder.addListener(publisher);
        return publisher;
    }
}
