package io.tributary.status;

import java.time.Instant;

/**
 * What one gateway serves and since when, as it reports it on the gateway-status topic: how operators find a gateway
 * that drifted from the latest view, refused one, lost Kafka, or stopped reporting altogether.
 *
 * @param reportedAt        when the gateway sent this report; it reports at startup and then periodically, so an old
 *                          report means a gateway that stopped reporting ({@link Instant#EPOCH} in reports from gateways
 *                          older than periodic reporting)
 * @param connection        the gateway's view subscriber's link to Kafka when it reported
 * @param connectionSince   since when the link has been in that state
 * @param skippedOperations recently used operations the served view's warm-up had no time left to check
 */
public record GatewayStatus(String gatewayId, String graph, long viewVersion, String hash, Instant appliedAt, long lagMillis,
                            int brokenOperations, long refusedVersion, String refusedReason, Instant reportedAt,
                            Connection connection, Instant connectionSince, int skippedOperations) {

    /** How a gateway's view subscriber reaches Kafka. */
    public enum Connection {
        /** Not said: a report from a gateway older than this field, or a state this reader does not know. */
        UNKNOWN,
        /** Started, and Kafka has not answered yet. */
        CONNECTING,
        /** Kafka answers and the schema topic exists: the gateway follows the views. */
        CONNECTED,
        /** Kafka answered before, or never, and does not now: the gateway serves what it has. */
        DISCONNECTED,
        /** Kafka answers but the schema topic does not exist. */
        TOPIC_MISSING;

        /** The state named {@code name}, or {@link #UNKNOWN} for an empty or unknown name. */
        public static Connection of(String name) {
            for (Connection connection : values()) {
                if (connection.name().equals(name)) {
                    return connection;
                }
            }
            return UNKNOWN;
        }
    }

    /** A report without reporting time or connection state, as gateways wrote before periodic reporting. */
    public GatewayStatus(String gatewayId, String graph, long viewVersion, String hash, Instant appliedAt, long lagMillis,
                         int brokenOperations, long refusedVersion, String refusedReason) {
        this(gatewayId, graph, viewVersion, hash, appliedAt, lagMillis, brokenOperations, refusedVersion, refusedReason,
                Instant.EPOCH, Connection.UNKNOWN, Instant.EPOCH, 0);
    }
}
