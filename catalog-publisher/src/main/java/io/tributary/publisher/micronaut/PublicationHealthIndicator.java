package io.tributary.publisher.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.tributary.publisher.InstancePublication;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows in {@code /health} whether the catalog reached Kafka. Waiting for Kafka is UNKNOWN, not DOWN: the service
 * itself is fine and must stay behind its load balancer.
 */
@Singleton
@Requires(classes = AbstractHealthIndicator.class)
@Requires(beans = PublishOnStartup.class)
public class PublicationHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final PublishOnStartup publisher;

    public PublicationHealthIndicator(PublishOnStartup publisher) {
        this.publisher = publisher;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        publisher.publication().ifPresentOrElse(publication -> {
            InstancePublication.Status status = publication.status();
            healthStatus = status.state() == InstancePublication.State.PUBLISHED ? HealthStatus.UP : HealthStatus.UNKNOWN;
            details.put("instance", publication.catalog().instanceKey());
            details.put("state", status.state().name());
            details.put("since", status.since().toString());
            details.put("heartbeats", status.heartbeats());
            if (!status.lastError().isEmpty()) {
                details.put("lastError", status.lastError());
            }
        }, () -> {
            healthStatus = HealthStatus.UNKNOWN;
            details.put("state", "NOT_STARTED");
        });
        return details;
    }

    @Override
    protected String getName() {
        return "tributary-publisher";
    }
}
