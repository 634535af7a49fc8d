package io.tributary.cli.ops;

import io.tributary.status.GatewayStatus;
import io.tributary.status.GatewayStatus.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What a gateway's last report says about it now: how long ago it reported, whether that is long enough to call it
 * silent (it stopped, or cannot reach Kafka to report), and how its view subscriber reached Kafka.
 */
record GatewayLiveness(GatewayStatus status, Duration sinceReport, boolean silent) {

    static GatewayLiveness of(GatewayStatus status, Instant now, Duration silentAfter) {
        Duration since = Duration.between(status.reportedAt(), now);
        if (since.isNegative()) {
            since = Duration.ZERO;
        }
        return new GatewayLiveness(status, since, since.compareTo(silentAfter) > 0);
    }

    /** {@code 4s ago}, or {@code silent for 2m 10s}. */
    String reported() {
        return silent ? "silent for " + Ages.format(sinceReport) : Ages.format(sinceReport) + " ago";
    }

    /** {@code connected}, {@code disconnected for 1m 5s}, ...; empty when the gateway did not say. */
    String connection() {
        Connection connection = status.connection();
        if (connection == Connection.UNKNOWN) {
            return "";
        }
        String name = connection.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return connection == Connection.CONNECTED ? name
                : name + " for " + Ages.format(Duration.between(status.connectionSince(), status.reportedAt()));
    }
}
