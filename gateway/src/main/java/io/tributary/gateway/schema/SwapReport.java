package io.tributary.gateway.schema;

import java.time.Duration;
import java.util.List;

/** What a swap did: the view it put in place, how long building and warming took, and the recent operations it breaks. */
public record SwapReport(long version, Duration buildTime, List<BrokenOperation> brokenOperations) {

    /** A recently used operation the new view no longer validates, with graphql-java's reasons. */
    public record BrokenOperation(RecentOperations.Operation operation, List<String> errors) {
    }

    public SwapReport {
        brokenOperations = List.copyOf(brokenOperations);
    }
}
