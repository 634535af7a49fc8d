package io.tributary.usage;

import java.util.List;
import java.util.Objects;

/**
 * How often one client sent one operation in an interval, as its {@code *-client-name} and {@code *-client-version}
 * headers name it (empty when it sent none), how many of those executions had errors, and how long they took, counted
 * in the buckets of {@link Latency}.
 */
public record ClientUsage(String client, String version, long count, long errors, List<Long> latency) {
    public ClientUsage {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(version, "version");
        latency = List.copyOf(latency);
    }
}
