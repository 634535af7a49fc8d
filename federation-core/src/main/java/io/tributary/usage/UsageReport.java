package io.tributary.usage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one gateway executed over one interval, as it publishes it on the usage topic: every distinct operation with
 * its clients, and how many distinct operations it had to leave out to keep its memory bounded.
 *
 * @param droppedOperations executions of operations left out because the interval already held as many distinct
 *                          operations as the gateway keeps
 */
public record UsageReport(String gatewayId, String graph, Instant from, Instant to, List<OperationUsage> operations,
                          long droppedOperations) {
    public UsageReport {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        operations = List.copyOf(operations);
    }
}
