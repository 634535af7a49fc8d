package io.tributary.gateway.schema;

import io.tributary.view.SchemaView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that knows which graph the gateway serves. A new view is built and warmed off the request path (the
 * recently used operations are validated against it, and those it breaks are reported), then swapped in with one
 * atomic write; a request captures the current graph once and runs to its end on it. A view that fails to build,
 * or is older than the one served, is refused and the last good graph keeps serving.
 */
public final class GraphHolder {
    private static final Logger LOG = LoggerFactory.getLogger(GraphHolder.class);

    /** The last view this holder refused, and why. */
    public record Refusal(long version, String hash, String reason) {
    }

    private final AtomicReference<ExecutableGraph> current = new AtomicReference<>();
    private final AtomicReference<Refusal> lastRefusal = new AtomicReference<>();
    private final AtomicReference<SwapReport> lastSwap = new AtomicReference<>();
    private final ExecutableGraphFactory factory;
    private final List<SwapListener> listeners = new CopyOnWriteArrayList<>();
    private boolean servingCachedView;

    public GraphHolder(ExecutableGraphFactory factory) {
        this.factory = factory;
    }

    public void addListener(SwapListener listener) {
        listeners.add(listener);
    }

    public Optional<ExecutableGraph> current() {
        return Optional.ofNullable(current.get());
    }

    public Optional<Refusal> lastRefusal() {
        return Optional.ofNullable(lastRefusal.get());
    }

    public Optional<SwapReport> lastSwap() {
        return Optional.ofNullable(lastSwap.get());
    }

    /**
     * Serves a view from the local cache until Kafka answers. The first view that comes from Kafka replaces it even if
     * its version is lower: the log may have been recreated since the cache was written, and the log is the truth.
     */
    public synchronized boolean applyCached(SchemaView view) {
        boolean applied = current.get() == null && swap(view, null);
        servingCachedView = applied;
        return applied;
    }

    /** Builds, warms and swaps in the view; returns false when it was refused or is not newer than the one served. */
    public synchronized boolean apply(SchemaView view) {
        ExecutableGraph served = current.get();
        if (served != null && view.version() <= served.view().version() && !servingCachedView) {
            return false;
        }
        if (servingCachedView) {
            LOG.info("Kafka answered: view {} replaces the cached view {}", view.version(), served.view().version());
        }
        boolean applied = swap(view, served);
        servingCachedView &= !applied;
        return applied;
    }

    private boolean swap(SchemaView view, ExecutableGraph served) {
        long started = System.nanoTime();
        ExecutableGraph next;
        try {
            next = factory.build(view);
        } catch (RuntimeException e) {
            refuse(view, e.getMessage() == null ? e.toString() : e.getMessage(), served, e);
            return false;
        }
        List<SwapReport.BrokenOperation> broken = warm(next);
        SwapReport report = new SwapReport(view.version(), Duration.ofNanos(System.nanoTime() - started), broken);
        current.set(next);
        lastSwap.set(report);
        LOG.info("Serving view {} of graph {} ({}), built and warmed in {} ms{}", view.version(), view.graph(), view.hash(),
                report.buildTime().toMillis(), broken.isEmpty() ? "" : "; it breaks " + broken.size() + " recently used operations");
        broken.forEach(b -> LOG.warn("View {} breaks a recently used operation {}: {}", view.version(),
                b.operation().operationName() == null ? abbreviate(b.operation().query()) : b.operation().operationName(), b.errors()));
        listeners.forEach(l -> l.swapped(next, report));
        return true;
    }

    private List<SwapReport.BrokenOperation> warm(ExecutableGraph next) {
        List<SwapReport.BrokenOperation> broken = new ArrayList<>();
        for (RecentOperations.Operation operation : factory.recentOperations().snapshot()) {
            List<String> errors = next.validate(operation);
            if (!errors.isEmpty()) {
                broken.add(new SwapReport.BrokenOperation(operation, errors));
            }
        }
        return broken;
    }

    private void refuse(SchemaView view, String reason, ExecutableGraph served, RuntimeException cause) {
        lastRefusal.set(new Refusal(view.version(), view.hash(), reason));
        LOG.error("Refused view {} of graph {} ({}): {}; still serving {}", view.version(), view.graph(), view.hash(),
                reason, served == null ? "nothing" : "view " + served.view().version(), cause);
        listeners.forEach(l -> l.refused(view, reason));
    }

    private static String abbreviate(String query) {
        String flat = query.replaceAll("\\s+", " ").trim();
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }
}
