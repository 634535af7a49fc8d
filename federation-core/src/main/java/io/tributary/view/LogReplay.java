package io.tributary.view;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Folds a catalog log in memory, event by event, with the same {@link ViewFold} the aggregator uses: what operators
 * replay to see the schema as it was at any offset, and what tests compare the live view against.
 */
public final class LogReplay {
    private final ViewFold fold;
    private final TreeMap<String, ServiceCatalog> instances = new TreeMap<>();
    private final TreeMap<String, CurationRule> curation = new TreeMap<>();
    private FoldState state = FoldState.EMPTY;
    private Optional<SchemaView> current = Optional.empty();

    public LogReplay(ViewFold fold) {
        this.fold = fold;
    }

    /**
     * Applies one event: a catalog, or null for a retraction or expiry. Returns the new view if the graph changed.
     * A catalog published under another instance's key is not used, as the aggregator rejects it; an event whose fold
     * throws changes nothing (the aggregator rejects it too) and the exception goes to the caller.
     */
    public Optional<SchemaView> apply(String key, ServiceCatalog catalog, Cause cause, Instant at) {
        ServiceCatalog previous = instances.get(key);
        if (catalog == null) {
            instances.remove(key);
        } else if (catalog.instanceKey().equals(key)) {
            instances.put(key, catalog);
        } else {
            return Optional.empty();
        }
        try {
            return refold(cause, at);
        } catch (RuntimeException e) {
            restore(instances, key, previous);
            throw e;
        }
    }

    /** Applies a change to the curation rules: a rule, or null to remove the rule with that id. */
    public Optional<SchemaView> curate(String id, CurationRule rule, Cause cause, Instant at) {
        CurationRule previous = curation.get(id);
        if (rule == null) {
            curation.remove(id);
        } else {
            curation.put(id, rule);
        }
        try {
            return refold(cause, at);
        } catch (RuntimeException e) {
            restore(curation, id, previous);
            throw e;
        }
    }

    /** Undoes an event whose fold failed, as the aggregator does when it rejects it: the event changes nothing. */
    private static <V> void restore(TreeMap<String, V> map, String key, V previous) {
        if (previous == null) {
            map.remove(key);
        } else {
            map.put(key, previous);
        }
    }

    private Optional<SchemaView> refold(Cause cause, Instant at) {
        FoldStep step = fold.next(current, instances.values(), state, List.copyOf(curation.values()), cause, at);
        state = step.state();
        step.view().ifPresent(view -> current = Optional.of(view));
        return step.view();
    }

    public Optional<SchemaView> current() {
        return current;
    }
}
