package io.tributary.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A live instance renewing its lease. Far smaller than its catalog, so an instance can say "still here" every few
 * seconds without rewriting what it serves; an instance whose heartbeats stop expires when its lease runs out.
 */
public record Heartbeat(String service, String instanceId, Instant sentAt, long leaseMillis) {
    public Heartbeat {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    public String instanceKey() {
        return ServiceCatalog.instanceKey(service, instanceId);
    }
}
