package io.tributary.gateway.view;

import io.tributary.status.GatewayStatus.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view subscriber's link to Kafka as the rest of the gateway sees it: its state (connecting, connected,
 * disconnected, schema topic missing), since when, why, and the id of the cluster that last answered. Readiness and
 * the status reports read it; a change of state is logged here once, and its listeners are told.
 */
public final class KafkaLink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaLink.class);

    /** One state of the link: what, since when, why (the last error, or empty). */
    public record State(Connection connection, Instant since, String detail) {
    }

    private final String bootstrapServers;
    private final String topic;
    private final Clock clock;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private volatile State state;
    private volatile String clusterId;

    public KafkaLink(String bootstrapServers, String topic, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.clock = clock;
        this.state = new State(Connection.CONNECTING, clock.instant(), "");
    }

    public State state() {
        return state;
    }

    public boolean connected() {
        return state.connection() == Connection.CONNECTED;
    }

    /** The id of the cluster that answered last, if any has. */
    public Optional<String> clusterId() {
        return Optional.ofNullable(clusterId);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String topic() {
        return topic;
    }

    /** Called on every change of state, on the thread that changed it; must not block. */
    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    void connected(String cluster) {
        clusterId = cluster;
        moveTo(Connection.CONNECTED, "");
    }

    void topicMissing(String cluster) {
        clusterId = cluster;
        moveTo(Connection.TOPIC_MISSING, "");
    }

    void disconnected(String detail) {
        moveTo(Connection.DISCONNECTED, detail == null ? "" : detail);
    }

    private synchronized void moveTo(Connection connection, String detail) {
        State before = state;
        if (before.connection() == connection) {
            if (!before.detail().equals(detail)) {
                state = new State(connection, before.since(), detail);
            }
            return;
        }
        State after = new State(connection, clock.instant(), detail);
        state = after;
        switch (connection) {
            case CONNECTED -> LOG.info("Kafka at {} answers (cluster {}); following {}{}", bootstrapServers, clusterId, topic,
                    before.connection() == Connection.CONNECTING ? "" : " again after " + describe(before));
            case TOPIC_MISSING -> LOG.warn("Kafka at {} answers (cluster {}) but the schema topic {} does not exist; waiting for it"
                    + " (create Tributary's topics with 'tributary topics create')", bootstrapServers, clusterId, topic);
            case DISCONNECTED -> LOG.warn("Kafka at {} is unreachable ({}); serving what this gateway has and retrying",
                    bootstrapServers, detail);
            default -> LOG.info("Kafka link to {} is {}", bootstrapServers, connection);
        }
        for (Consumer<State> listener : listeners) {
            try {
                listener.accept(after);
            } catch (RuntimeException e) {
                LOG.warn("Kafka link listener failed: {}", e.toString());
            }
        }
    }

    private static String describe(State state) {
        return state.connection().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " since " + state.since();
    }
}
