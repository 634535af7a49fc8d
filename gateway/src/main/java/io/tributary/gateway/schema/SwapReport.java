package io.tributary.gateway.schema;

import java.time.Duration;
import java.util.List;

/**
 * What a swap did: the view it put in place, how long building and warming took, the recent operations it breaks,
 * and how many recent operations the warm-up had no time left to check.
 */
public record SwapReport(long version, Duration buildTime, List<BrokenOperation> brokenOperations, int skippedOperations) {

    /**
     * A recently used operation the new view no longer validates, with graphql-java's reasons (or, when checking it
     * failed, why).
     */
    public record BrokenOperation(RecentOperations.Operation operation, List<String> errors) {
    }

    public SwapReport {
        brokenOperations = List.copyOf(brokenOperations);
    }

    public SwapReport(long version, Duration buildTime, List<BrokenOperation> brokenOperations) {
        this(version, buildTime, brokenOperations, 0);
    }
}
