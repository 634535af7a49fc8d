package io.tributary.view;

import io.tributary.compose.Routing;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diff.SchemaChange;
import java.time.Instant;
import java.util.List;

/**
 * The materialized truth about one graph at one point of the log: the composed SDL and its hash, the routing the
 * gateway executes it with, every service's state, the diagnostics, the classified changes from the previous view,
 * and the event that caused it. Versions grow
 * by one per change and are never reused.
 */
public record SchemaView(
        String graph,
        long version,
        String hash,
        Instant composedAt,
        String sdl,
        Routing routing,
        List<ServiceState> services,
        List<Diagnostic> diagnostics,
        List<String> failedServices,
        List<SchemaChange> changes,
        Cause cause) {

    public SchemaView {
        services = List.copyOf(services);
        diagnostics = List.copyOf(diagnostics);
        failedServices = List.copyOf(failedServices);
        changes = List.copyOf(changes);
    }
}
