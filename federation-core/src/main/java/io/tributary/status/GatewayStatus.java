package io.tributary.status;

import java.time.Instant;
import java.util.List;

/**
 * What one gateway serves and since when, as it reports it on the gateway-status topic: how operators find a gateway
 * that drifted from the latest view, refused one, lost Kafka, or stopped reporting altogether.
 *
 * @param reportedAt        when the gateway sent this report; it reports at startup and then periodically, so an old
 *                          report means a gateway that stopped reporting ({@link Instant#EPOCH} in reports from gateways
 *                          older than periodic reporting)
 * @param connection        the gateway's view subscriber's link to Kafka when it reported
 * @param connectionSince   since when the link has been in that state
 * @param brokenOperations  how many recently used operations the served view no longer validates, in all
 * @param skippedOperations recently used operations the served view's warm-up had no time left to check
 * @param namedBrokenOperations the first {@value #MAX_NAMED_BROKEN_OPERATIONS} of the broken operations, named, so an
 *                          operator sees which clients' operations the last swap broke (empty in reports of older gateways)
 */
public record GatewayStatus(String gatewayId, String graph, long viewVersion, String hash, Instant appliedAt, long lagMillis,
                            int brokenOperations, long refusedVersion, String refusedReason, Instant reportedAt,
                            Connection connection, Instant connectionSince, int skippedOperations,
                            List<BrokenOperation> namedBrokenOperations) {

    /** How many broken operations a report names at most: it stays small whatever the gateway remembers. */
    public static final int MAX_NAMED_BROKEN_OPERATIONS = 20;

    /**
     * A recently used operation the served view no longer validates, as the status names it.
     *
     * @param name    the operation's name, or {@code (anonymous)}
     * @param hash    the hex SHA-256 of its signature, as usage reports identify it (empty when it does not parse)
     * @param excerpt the start of its document, on one line
     * @param reason  the first reason the view gives, shortened
     */
    public record BrokenOperation(String name, String hash, String excerpt, String reason) {
        /** Longest excerpt and reason a report carries. */
        public static final int MAX_TEXT = 160;

        public BrokenOperation {
            excerpt = shorten(excerpt);
            reason = shorten(reason);
        }

        /** The text on one line, cut to {@value #MAX_TEXT} characters. */
        public static String shorten(String text) {
            String flat = text.replaceAll("\\s+", " ").trim();
            return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT - 1) + "…";
        }
    }

    public GatewayStatus {
        namedBrokenOperations = List.copyOf(namedBrokenOperations.subList(0, Math.min(namedBrokenOperations.size(), MAX_NAMED_BROKEN_OPERATIONS)));
    }

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

    /** A report that does not name its broken operations, as gateways wrote before they did. */
    public GatewayStatus(String gatewayId, String graph, long viewVersion, String hash, Instant appliedAt, long lagMillis,
                         int brokenOperations, long refusedVersion, String refusedReason, Instant reportedAt,
                         Connection connection, Instant connectionSince, int skippedOperations) {
        this(gatewayId, graph, viewVersion, hash, appliedAt, lagMillis, brokenOperations, refusedVersion, refusedReason,
                reportedAt, connection, connectionSince, skippedOperations, List.of());
    }

    /** This report, sent at {@code reportedAt}: how readers date a report from a gateway older than the field. */
    public GatewayStatus withReportedAt(Instant reportedAt) {
        return new GatewayStatus(gatewayId, graph, viewVersion, hash, appliedAt, lagMillis, brokenOperations, refusedVersion,
                refusedReason, reportedAt, connection, connectionSince, skippedOperations, namedBrokenOperations);
    }
}
