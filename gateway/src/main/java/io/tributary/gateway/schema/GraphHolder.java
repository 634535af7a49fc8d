package io.tributary.gateway.schema;

import io.tributary.view.SchemaView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that knows which graph the gateway serves. A new view is built (from the graph served, whose unchanged
 * parts it reuses) and warmed off the request path (the
 * recently used operations are validated against it, and those it breaks are reported), then swapped in with one
 * atomic write; a request captures the current graph once and runs to its end on it. A view that fails to build,
 * or is older than the one served, is refused and the last good graph keeps serving.
 *
 * <p>Warming never stops a swap: an operation whose check fails is reported broken with the failure as its reason,
 * and the warm-up has a time budget after which the remaining operations are skipped (and counted).
 *
 * <p>The holder knows which Kafka cluster the served view came from (when its caller says so), so a view from another
 * cluster can be {@linkplain #withdraw(String) withdrawn} rather than served to the wrong cluster's clients.
 */
public final class GraphHolder {
    private static final Logger LOG = LoggerFactory.getLogger(GraphHolder.class);

    /** How long warming a view may take by default before the remaining recent operations are skipped. */
    public static final Duration DEFAULT_WARMUP_BUDGET = Duration.ofSeconds(2);

    /** The last view this holder refused, and why. */
    public record Refusal(long version, String hash, String reason) {
    }

    /** The last served view this holder withdrew, why, and when. */
    public record Withdrawal(long version, String hash, String reason, Instant at) {
    }

    private final AtomicReference<ExecutableGraph> current = new AtomicReference<>();
    private final AtomicReference<Refusal> lastRefusal = new AtomicReference<>();
    private final AtomicReference<SwapReport> lastSwap = new AtomicReference<>();
    private final AtomicReference<Withdrawal> withdrawal = new AtomicReference<>();
    private final ExecutableGraphFactory factory;
    private final Duration warmupBudget;
    private final Clock clock;
    private final List<SwapListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean servingCachedView;
    private volatile String origin;

    public GraphHolder(ExecutableGraphFactory factory) {
        this(factory, DEFAULT_WARMUP_BUDGET, Clock.systemUTC());
    }

    /** A holder whose warm-up of a new view stops checking recent operations after {@code warmupBudget}. */
    public GraphHolder(ExecutableGraphFactory factory, Duration warmupBudget, Clock clock) {
        if (warmupBudget.isNegative()) {
            throw new IllegalArgumentException("the warm-up budget must not be negative, was " + warmupBudget);
        }
        this.factory = factory;
        this.warmupBudget = warmupBudget;
        this.clock = clock;
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

    /** The served view's withdrawal, while nothing has replaced it. */
    public Optional<Withdrawal> withdrawal() {
        return Optional.ofNullable(withdrawal.get());
    }

    /** Whether the view served came from the local cache and Kafka has not given a view since. */
    public boolean servingCachedView() {
        return servingCachedView && current.get() != null;
    }

    /** The id of the Kafka cluster the served view came from, when known. */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    /**
     * Serves a view from the local cache until Kafka answers. The first view that comes from Kafka replaces it even if
     * its version is lower: the log may have been recreated since the cache was written, and the log is the truth.
     */
    public boolean applyCached(SchemaView view) {
        return applyCached(view, null);
    }

    /** {@link #applyCached(SchemaView)}, for a cached view that came from the cluster {@code clusterId} (null: unknown). */
    public synchronized boolean applyCached(SchemaView view, String clusterId) {
        boolean applied = current.get() == null && swap(view, null, clusterId);
        servingCachedView = applied;
        return applied;
    }

    /** Builds, warms and swaps in the view; returns false when it was refused or is not newer than the one served. */
    public boolean apply(SchemaView view) {
        return apply(view, origin);
    }

    /** {@link #apply(SchemaView)}, for a view read from the Kafka cluster {@code clusterId} (null: unknown). */
    public synchronized boolean apply(SchemaView view, String clusterId) {
        ExecutableGraph served = current.get();
        boolean replacingCache = servingCachedView && served != null;
        if (served != null && view.version() <= served.view().version() && !replacingCache) {
            return false;
        }
        if (replacingCache) {
            LOG.info("Kafka answered: view {} replaces the cached view {}", view.version(), served.view().version());
        }
        boolean applied = swap(view, served, clusterId);
        servingCachedView &= !applied;
        return applied;
    }

    /**
     * Stops serving the current view: it belongs to another Kafka cluster than the one that answers now. Until the next
     * view is applied (whatever its version) nothing is served, and readiness says why.
     *
     * @return whether a view was served and is now withdrawn
     */
    public synchronized boolean withdraw(String reason) {
        ExecutableGraph served = current.getAndSet(null);
        servingCachedView = false;
        origin = null;
        if (served == null) {
            return false;
        }
        withdrawal.set(new Withdrawal(served.view().version(), served.view().hash(), reason, clock.instant()));
        LOG.warn("Stopped serving view {} of graph {} ({}): {}", served.view().version(), served.view().graph(),
                served.view().hash(), reason);
        notifyListeners(l -> l.withdrawn(served.view(), reason));
        return true;
    }

    private boolean swap(SchemaView view, ExecutableGraph served, String clusterId) {
        long started = System.nanoTime();
        ExecutableGraph next;
        try {
            next = factory.build(view, served);
        } catch (RuntimeException | StackOverflowError e) {
            refuse(view, e.getMessage() == null ? e.toString() : e.getMessage(), served, e);
            return false;
        }
        Warmup warmup = warm(next);
        SwapReport report = new SwapReport(view.version(), Duration.ofNanos(System.nanoTime() - started), warmup.broken(),
                warmup.skipped());
        current.set(next);
        origin = clusterId;
        lastSwap.set(report);
        withdrawal.set(null);
        List<SwapReport.BrokenOperation> broken = report.brokenOperations();
        LOG.info("Serving view {} of graph {} ({}), built and warmed in {} ms{}{}", view.version(), view.graph(), view.hash(),
                report.buildTime().toMillis(), broken.isEmpty() ? "" : "; it breaks " + broken.size() + " recently used operations",
                warmup.skipped() == 0 ? "" : "; the warm-up budget of " + warmupBudget.toMillis() + " ms ran out, "
                        + warmup.skipped() + " recently used operations were not checked");
        broken.forEach(b -> LOG.warn("View {} breaks a recently used operation {}: {}", view.version(),
                b.operation().operationName() == null ? abbreviate(b.operation().query()) : b.operation().operationName(), b.errors()));
        notifyListeners(l -> l.swapped(next, report));
        return true;
    }

    private record Warmup(List<SwapReport.BrokenOperation> broken, int skipped) {
    }

    /**
     * Validates the recent operations against the new graph, most recently used first, until the budget runs out. One
     * operation failing to be checked (graphql-java throws on some documents) is that operation's problem, reported
     * as broken with the failure; it never stops the swap.
     */
    private Warmup warm(ExecutableGraph next) {
        List<SwapReport.BrokenOperation> broken = new ArrayList<>();
        List<RecentOperations.Operation> operations;
        try {
            operations = factory.recentOperations().snapshot();
        } catch (RuntimeException e) {
            LOG.warn("Could not list the recently used operations to warm view {} with: {}", next.view().version(), e.toString());
            return new Warmup(broken, 0);
        }
        long deadline = System.nanoTime() + warmupBudget.toNanos();
        for (int i = 0; i < operations.size(); i++) {
            if (System.nanoTime() - deadline > 0) {
                return new Warmup(broken, operations.size() - i);
            }
            RecentOperations.Operation operation = operations.get(i);
            List<String> errors;
            try {
                errors = next.validate(operation);
            } catch (RuntimeException | StackOverflowError e) {
                errors = List.of("checking it against this view failed: " + e);
            }
            if (!errors.isEmpty()) {
                broken.add(new SwapReport.BrokenOperation(operation, errors));
            }
        }
        return new Warmup(broken, 0);
    }

    private void refuse(SchemaView view, String reason, ExecutableGraph served, Throwable cause) {
        lastRefusal.set(new Refusal(view.version(), view.hash(), reason));
        LOG.error("Refused view {} of graph {} ({}): {}; still serving {}", view.version(), view.graph(), view.hash(),
                reason, served == null ? "nothing" : "view " + served.view().version(), cause);
        notifyListeners(l -> l.refused(view, reason));
    }

    private void notifyListeners(Consumer<SwapListener> event) {
        for (SwapListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Swap listener {} failed: {}", listener.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static String abbreviate(String query) {
        String flat = query.replaceAll("\\s+", " ").trim();
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }
}
