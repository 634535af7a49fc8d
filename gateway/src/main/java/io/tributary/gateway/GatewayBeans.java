package io.tributary.gateway;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tributary.avro.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.gateway.rest.RestClient;
import io.tributary.gateway.rest.RestSettings;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.gateway.schema.ViewInstrumentation;
import io.tributary.gateway.view.ServingProperties;
import io.tributary.gateway.view.StatusPublisher;
import io.tributary.gateway.view.SwapMetrics;
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
    @Bean(preDestroy = "close")
    RestClient restClient(RestSettings settings, MeterRegistry meters) {
        return new RestClient(settings, meters);
    }

    @Singleton
    GraphHolder graphHolder(RestClient client, List<ViewInstrumentation> instrumentations) {
        return new GraphHolder(new ExecutableGraphFactory(client, instrumentations, Clock.systemUTC()));
    }

    @Context
    SwapMetrics swapMetrics(GraphHolder holder, MeterRegistry meters, GatewayProperties properties) {
        SwapMetrics metrics = new SwapMetrics(meters, properties.getGraph());
        holder.addListener(metrics);
        return metrics;
    }

    @Context
    ViewCache viewCache(GraphHolder holder, ServingProperties serving, GatewayProperties properties) {
        ViewCache cache = new ViewCache(serving.getCacheDir(), properties.getTopicPrefix() + "." + properties.getGraph());
        cache.load().ifPresent(holder::applyCached);
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
