package io.tributary.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tributary.avro.Topics;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.gateway.schema.RecentOperations;
import io.tributary.gateway.schema.ViewInstrumentation;
import io.tributary.gateway.view.KafkaLink;
import io.tributary.gateway.view.ServingProperties;
import io.tributary.gateway.view.StatusPublisher;
import io.tributary.gateway.view.SwapMetrics;
import io.tributary.gateway.view.ViewCache;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Makes the plain-Java gateway parts beans; they stay free of Micronaut so they are tested without it. The holder
 * starts on the cached view, if any, before the first view arrives from Kafka. No bean here waits for Kafka: the
 * gateway starts, and serves its cached view, while Kafka is down.
 */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
class GatewayBeans {

    @Singleton
    @Bean(preDestroy = "close")
    RestClient restClient(RestSettings settings, MeterRegistry meters, GatewayProperties properties) {
        return new RestClient(settings, meters, properties.headerForwarding());
    }

    @Singleton
    KafkaLink kafkaLink(GatewayProperties properties) {
        return new KafkaLink(properties.getBootstrapServers(), new Topics(properties.getTopicPrefix()).schema(), Clock.systemUTC());
    }

    @Singleton
    GraphHolder graphHolder(RestClient client, List<ViewInstrumentation> instrumentations, ServingProperties serving) {
        RecentOperations recent = new RecentOperations(serving.getRecentOperations(), serving.getRecentOperationMaxSize());
        return new GraphHolder(new ExecutableGraphFactory(client, instrumentations, Clock.systemUTC(), recent),
                serving.getWarmupBudget(), Clock.systemUTC());
    }

    @Context
    SwapMetrics swapMetrics(GraphHolder holder, MeterRegistry meters, GatewayProperties properties, KafkaLink link) {
        SwapMetrics metrics = new SwapMetrics(meters, properties.getGraph(), link);
        holder.addListener(metrics);
        return metrics;
    }

    /** The cached view, with the cluster it came from, serves until Kafka answers; the holder's swaps keep it current. */
    @Context
    ViewCache viewCache(GraphHolder holder, ServingProperties serving, GatewayProperties properties) {
        ViewCache cache = new ViewCache(serving.getCacheDir(), properties.getTopicPrefix() + "." + properties.getGraph(), holder::origin);
        cache.loadWithCluster().ifPresent(cached -> holder.applyCached(cached.view(), cached.clusterId()));
        holder.addListener(cache);
        return cache;
    }

    /** Reports from a thread of its own: created and started without waiting for Kafka. */
    @Context
    @Bean(preDestroy = "close")
    StatusPublisher statusPublisher(GraphHolder holder, ServingProperties serving, GatewayProperties properties, KafkaLink link) {
        StatusPublisher publisher = StatusPublisher.toKafka(properties.getBootstrapServers(),
                new Topics(properties.getTopicPrefix()).gatewayStatus(), serving.getGatewayId(), properties.getGraph(), holder, link,
                serving.getStatusInterval(), Clock.systemUTC());
        holder.addListener(publisher);
        return publisher.start();
    }
}
