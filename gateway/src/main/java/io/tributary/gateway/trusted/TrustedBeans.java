package io.tributary.gateway.trusted;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tributary.avro.Topics;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.GatewayProperties;
import io.tributary.gateway.view.ServingProperties;
import jakarta.inject.Singleton;

/** Trusted documents and automatic persisted queries as beans: the registry, its subscriber, and the resolver the controller asks. */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
class TrustedBeans {

    @Singleton
    RegisteredOperations registeredOperations(TrustedDocumentsProperties trusted) {
        return new RegisteredOperations(trusted.getMaxTrustedDocuments());
    }

    @Singleton
    PersistedDocuments persistedDocuments(TrustedDocumentsProperties trusted, RegisteredOperations registered) {
        return new PersistedDocuments(trusted.getTrustedDocuments(), registered, trusted.getPersistedQueryCacheSize());
    }

    /** Starts at once, without waiting for Kafka, so registered documents arrive as soon as Kafka answers. */
    @Context
    @Bean(preDestroy = "close")
    OperationsSubscriber operationsSubscriber(GatewayProperties properties, ServingProperties serving, RegisteredOperations registered) {
        return OperationsSubscriber.start(properties.getBootstrapServers(), new Topics(properties.getTopicPrefix()).operations(),
                "tributary-gateway-operations-" + serving.getGatewayId(), registered);
    }
}
