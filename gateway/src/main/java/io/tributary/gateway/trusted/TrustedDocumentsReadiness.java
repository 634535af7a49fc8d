package io.tributary.gateway.trusted;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.tributary.gateway.Gateway;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Readiness of trusted documents: a gateway that runs only registered documents is ready once it has read the
 * operations topic to its end, so a load balancer does not send it clients whose documents it would refuse only
 * because it has not read their registration yet. A gateway that trusts any document is ready as far as this goes.
 */
@Singleton
@Readiness
@Requires(env = Gateway.ENVIRONMENT)
public class TrustedDocumentsReadiness implements HealthIndicator {
    private static final String NAME = "trustedDocuments";

    private final PersistedDocuments documents;
    private final OperationsSubscriber subscriber;
    private final RegisteredOperations registered;

    TrustedDocumentsReadiness(PersistedDocuments documents, OperationsSubscriber subscriber, RegisteredOperations registered) {
        this.documents = documents;
        this.subscriber = subscriber;
        this.registered = registered;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (documents.mode() == TrustMode.OFF) {
            return Publishers.just(HealthResult.builder(NAME, HealthStatus.UP).details(Map.of("mode", "off")).build());
        }
        if (!subscriber.caughtUp()) {
            return Publishers.just(HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("mode", "allow-listed",
                    "reason", "the trusted documents have not been read from the operations topic yet")).build());
        }
        return Publishers.just(HealthResult.builder(NAME, HealthStatus.UP)
                .details(Map.of("mode", "allow-listed", "registered", registered.size())).build());
    }
}
