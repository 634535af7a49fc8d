package io.tributary.gateway.view;

import io.tributary.avro.TributarySerdes;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.gateway.schema.SwapListener;
import io.tributary.gateway.schema.SwapReport;
import io.tributary.status.GatewayStatus;
import io.tributary.view.SchemaView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the gateway-status topic what this gateway serves after every swap or refusal, so operators see which
 * gateway drifted. Sending never blocks a swap; a failed send is logged and the next change sends again.
 */
public final class StatusPublisher implements SwapListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private final Producer<String, GatewayStatus> producer;
    private final String topic;
    private final String gatewayId;
    private final String graph;
    private final GraphHolder holder;
    private final Clock clock;

    public StatusPublisher(String bootstrapServers, String topic, String gatewayId, String graph, GraphHolder holder, Clock clock) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.CLIENT_ID_CONFIG, "tributary-gateway-status-" + gatewayId),
                new StringSerializer(), TributarySerdes.gatewayStatus().serializer());
        this.topic = topic;
        this.gatewayId = gatewayId;
        this.graph = graph;
        this.holder = holder;
        this.clock = clock;
    }

    @Override
    public void swapped(ExecutableGraph served, SwapReport report) {
        send(status(served, report.brokenOperations().size()));
    }

    @Override
    public void refused(SchemaView view, String reason) {
        send(status(holder.current().orElse(null), holder.lastSwap().map(r -> r.brokenOperations().size()).orElse(0)));
    }

    private GatewayStatus status(ExecutableGraph served, int broken) {
        Instant now = clock.instant();
        GraphHolder.Refusal refusal = holder.lastRefusal().orElse(null);
        return new GatewayStatus(gatewayId, graph,
                served == null ? 0 : served.view().version(),
                served == null ? "" : served.view().hash(),
                served == null ? now : served.appliedAt(),
                served == null ? 0 : Duration.between(served.view().composedAt(), served.appliedAt()).toMillis(),
                broken,
                refusal == null ? 0 : refusal.version(),
                refusal == null ? "" : refusal.reason());
    }

    private void send(GatewayStatus status) {
        try {
            producer.send(new ProducerRecord<>(topic, gatewayId, status), (metadata, error) -> {
                if (error != null) {
                    LOG.warn("Could not report this gateway's status to {}: {}", topic, error.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not report this gateway's status to {}: {}", topic, e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
