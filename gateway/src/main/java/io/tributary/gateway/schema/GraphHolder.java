package io.tributary.gateway.schema;

import io.tributary.view.SchemaView;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that knows which graph the gateway serves. A new view is built off the request path and swapped in
 * with one atomic write; a request captures the current graph once and runs to its end on it. A view that fails to
 * build, or is older than the one served, is refused and the last good graph keeps serving.
 */
public final class GraphHolder {
    private static final Logger LOG = LoggerFactory.getLogger(GraphHolder.class);

    private final AtomicReference<ExecutableGraph> current = new AtomicReference<>();
    private final ExecutableGraphFactory factory;

    public GraphHolder(ExecutableGraphFactory factory) {
        this.factory = factory;
    }

    public Optional<ExecutableGraph> current() {
        return Optional.ofNullable(current.get());
    }

    /** Builds and swaps in the view; returns false when it was refused. */
    public boolean apply(SchemaView view) {
        ExecutableGraph served = current.get();
        if (served != null && view.version() <= served.view().version()) {
            return false;
        }
        ExecutableGraph next;
        try {
            next = factory.build(view);
        } catch (RuntimeException e) {
            LOG.error("Refused view {} of graph {} ({}): {}; still serving {}", view.version(), view.graph(), view.hash(),
                    e.getMessage(), served == null ? "nothing" : "view " + served.view().version(), e);
            return false;
        }
        current.set(next);
        LOG.info("Serving view {} of graph {} ({})", view.version(), view.graph(), view.hash());
        return true;
    }
}
