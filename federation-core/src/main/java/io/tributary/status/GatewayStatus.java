package io.tributary.status;

import java.time.Instant;

/**
 * What one gateway serves and since when, as it reports it on the gateway-status topic: how operators find a gateway
 * that drifted from the latest view, or refused one.
 */
public record GatewayStatus(String gatewayId, String graph, long viewVersion, String hash, Instant appliedAt, long lagMillis,
                            int brokenOperations, long refusedVersion, String refusedReason) {
}
