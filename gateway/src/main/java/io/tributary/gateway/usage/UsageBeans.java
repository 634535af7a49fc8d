package io.tributary.gateway.usage;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tributary.avro.Topics;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.GatewayProperties;
import io.tributary.gateway.schema.ViewInstrumentation;
import io.tributary.gateway.view.KafkaLink;
import io.tributary.gateway.view.ServingProperties;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Usage reporting's beans: the recorder, the instrumentation every graph records with, the publisher, and the metric
 * {@value #DROPPED} of executions left out because an interval was full. Off with
 * {@code tributary.gateway.usage.enabled=false}; the client headers are read either way.
 */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
class UsageBeans {
    static final String DROPPED = "tributary.gateway.usage.dropped";
    private static final String ENABLED = "tributary.gateway.usage.enabled";

    @Singleton
    ClientHeaders clientHeaders(UsageProperties usage) {
        return new ClientHeaders(usage.getClientNameHeaders(), usage.getClientVersionHeaders());
    }

    @Singleton
    @Requires(property = ENABLED, notEquals = "false")
    UsageRecorder usageRecorder(UsageProperties usage, ServingProperties serving, GatewayProperties properties, MeterRegistry meters) {
        UsageRecorder recorder = new UsageRecorder(serving.getGatewayId(), properties.getGraph(), usage.getMaxOperations(),
                usage.getMaxClients(), Clock.systemUTC());
        FunctionCounter.builder(DROPPED, recorder, UsageRecorder::droppedTotal)
                .description("Executions left out of usage reports because their interval already held the most distinct operations it keeps")
                .tag("graph", properties.getGraph())
                .register(meters);
        return recorder;
    }

    @Singleton
    @Requires(property = ENABLED, notEquals = "false")
    ViewInstrumentation usageInstrumentation(UsageRecorder recorder) {
        return (view, calls) -> new UsageInstrumentation(recorder);
    }

    @Context
    @Requires(property = ENABLED, notEquals = "false")
    @Bean(preDestroy = "close")
    UsagePublisher usagePublisher(UsageRecorder recorder, UsageProperties usage, ServingProperties serving, GatewayProperties properties,
                                  KafkaLink link) {
        return UsagePublisher.toKafka(properties.getBootstrapServers(), new Topics(properties.getTopicPrefix()).usage(), serving.getGatewayId(),
                recorder, usage.getInterval(), link::connected).start();
    }
}
