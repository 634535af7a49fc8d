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
import io.tributary.gateway.view.KafkaLink;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Readiness for {@code /health/readiness} (and {@code /health}): a gateway is ready once it serves a schema, so a load
 * balancer sends it no traffic it could only answer with 503s. Its details say which view it serves and how it reaches
 * Kafka: while Kafka is unreachable a gateway that has a view stays ready and says it serves a stale view since when;
 * one without a view is not ready and says why (Kafka unreachable, the schema topic missing, its cached view withdrawn
 * because it belongs to another cluster, or simply no view yet).
 */
@Singleton
@Readiness
@Requires(env = Gateway.ENVIRONMENT)
public class GraphReadiness implements HealthIndicator {
    private static final String NAME = "graph";

    private final GraphHolder holder;
    private final KafkaLink link;

    GraphReadiness(GraphHolder holder, KafkaLink link) {
        this.holder = holder;
        this.link = link;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        KafkaLink.State state = link.state();
        return Publishers.just(holder.current().map(graph -> serving(graph, state)).orElseGet(() -> notServing(state)));
    }

    private HealthResult serving(ExecutableGraph graph, KafkaLink.State state) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("graph", graph.view().graph());
        details.put("version", graph.view().version());
        details.put("hash", graph.view().hash());
        details.put("appliedAt", graph.appliedAt().toString());
        if (holder.servingCachedView()) {
            details.put("source", "disk cache");
        }
        details.put("kafka", kafka(state));
        if (!link.connected()) {
            details.put("stale", "serving stale view " + graph.view().version() + " since " + state.since());
        }
        return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
    }

    private HealthResult notServing(KafkaLink.State state) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", holder.withdrawal().map(GraphHolder.Withdrawal::reason).orElseGet(() -> why(state)));
        details.put("kafka", kafka(state));
        return HealthResult.builder(NAME, HealthStatus.DOWN).details(details).build();
    }

    private String why(KafkaLink.State state) {
        return switch (state.connection()) {
            case DISCONNECTED -> "no schema view: Kafka at " + link.bootstrapServers() + " is unreachable since " + state.since()
                    + (state.detail().isEmpty() ? "" : " (" + state.detail() + ")");
            case CONNECTING -> "no schema view yet: Kafka at " + link.bootstrapServers() + " has not answered since " + state.since();
            case TOPIC_MISSING -> "no schema view: the schema topic " + link.topic() + " does not exist on Kafka at "
                    + link.bootstrapServers() + " (create it with 'tributary topics create')";
            default -> "no schema view has been applied yet";
        };
    }

    private String kafka(KafkaLink.State state) {
        String cluster = link.clusterId().map(id -> " (cluster " + id + ")").orElse("");
        return switch (state.connection()) {
            case CONNECTED -> "connected since " + state.since() + cluster;
            case DISCONNECTED -> "disconnected since " + state.since() + (state.detail().isEmpty() ? "" : ": " + state.detail());
            case TOPIC_MISSING -> "connected" + cluster + ", schema topic " + link.topic() + " missing since " + state.since();
            default -> "connecting since " + state.since();
        };
    }
}
