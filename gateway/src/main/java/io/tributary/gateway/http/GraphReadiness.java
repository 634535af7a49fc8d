package io.tributary.gateway.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.GraphHolder;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Readiness for {@code /health/readiness} (and {@code /health}): a gateway is ready once it serves a schema, so a load
 * balancer sends it no traffic it could only answer with 503s. Its details say which view it serves.
 */
@Singleton
@Readiness
@Requires(env = Gateway.ENVIRONMENT)
public class GraphReadiness implements HealthIndicator {
    private static final String NAME = "graph";

    private final GraphHolder holder;

    GraphReadiness(GraphHolder holder) {
        this.holder = holder;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(holder.current().map(GraphReadiness::serving).orElseGet(() -> HealthResult.builder(NAME, HealthStatus.DOWN)
                .details(Map.of("reason", "no schema view has been applied yet")).build()));
    }

    private static HealthResult serving(ExecutableGraph graph) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("graph", graph.view().graph());
        details.put("version", graph.view().version());
        details.put("hash", graph.view().hash());
        details.put("appliedAt", graph.appliedAt().toString());
        return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
    }
}
