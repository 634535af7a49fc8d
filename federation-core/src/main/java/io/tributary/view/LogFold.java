package io.tributary.view;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import io.tributary.diagnostic.Diagnostic;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one fold of the catalog log: applies one {@link LogEvent} to the fold's memory and says what came of it. The
 * aggregator's topology, {@code replay}, {@code history} and {@code check} all run this class on the same log in the
 * same (offset) order, with the settings the log itself carries, so they make byte-identical views.
 *
 * <p>An event either changes the memory and re-folds, or changes nothing: an unusable record is rejected, and an event
 * whose fold throws (a defect, not the record's fault as far as anyone can tell) is undone and reported as failed, so
 * the aggregator keeps serving its last view and replay skips the event exactly as the aggregator did.
 */
public final class LogFold {

    /** What applying one event came to. */
    public sealed interface Outcome {
        /** The graph changed: a new view. */
        record NewView(SchemaView view) implements Outcome {
        }

        /** The event was applied; the graph did not change. */
        record Unchanged() implements Outcome {
        }

        /** The graph changed, but lint errors keep it from becoming a view (the settings say they block). */
        record Blocked(List<Diagnostic> lintErrors) implements Outcome {
        }

        /** The record cannot be used; nothing changed. */
        record Rejected(String reason) implements Outcome {
        }

        /** Folding the event threw; it was undone. */
        record Failed(RuntimeException error) implements Outcome {
        }
    }

    private final String graph;
    private FoldSettings foldSettings;
    private ViewFold fold;

    public LogFold(String graph) {
        this.graph = graph;
    }

    public String graph() {
        return graph;
    }

    /** Applies the event to the memory; the memory is left as it was unless the outcome is a view or unchanged. */
    public Outcome apply(LogEvent event, Cause cause, Instant at, FoldMemory memory) {
        return switch (event) {
            case LogEvent.Unusable unusable -> new Outcome.Rejected(unusable.reason());
            case LogEvent.SettingsChanged changed when !changed.graph().equals(graph) -> new Outcome.Unchanged();
            case LogEvent.Published published -> change(memory, cause, at, () -> memory.instance(published.key()),
                    previous -> restoreInstance(memory, published.key(), previous),
                    () -> memory.putInstance(published.key(), published.catalog()));
            case LogEvent.Retracted retracted -> change(memory, cause, at, () -> memory.instance(retracted.key()),
                    previous -> restoreInstance(memory, retracted.key(), previous),
                    () -> memory.removeInstance(retracted.key()));
            case LogEvent.Curated curated -> change(memory, cause, at, () -> memory.rule(curated.ruleId()),
                    previous -> restoreRule(memory, curated.ruleId(), previous),
                    () -> setRule(memory, curated.ruleId(), curated.rule()));
            case LogEvent.SettingsChanged changed -> change(memory, cause, at, () -> Optional.of(memory.settings()),
                    previous -> memory.settings(previous.orElseThrow()), () -> memory.settings(changed.settings()));
        };
    }

    private <T> Outcome change(FoldMemory memory, Cause cause, Instant at, java.util.function.Supplier<Optional<T>> before,
                               java.util.function.Consumer<Optional<T>> undo, Runnable apply) {
        Optional<T> previous = before.get();
        FoldState state = memory.state();
        apply.run();
        try {
            return refold(memory, state, cause, at);
        } catch (RuntimeException e) {
            undo.accept(previous);
            memory.state(state);
            return new Outcome.Failed(e);
        }
    }

    private Outcome refold(FoldMemory memory, FoldState state, Cause cause, Instant at) {
        FoldStep step = viewFold(memory.settings()).next(memory.view(), memory.instances(), state, memory.rules(), cause, at);
        if (!step.blockedBy().isEmpty()) {
            return new Outcome.Blocked(step.blockedBy());
        }
        memory.state(step.state());
        if (step.view().isEmpty()) {
            return new Outcome.Unchanged();
        }
        memory.view(step.view().get());
        return new Outcome.NewView(step.view().get());
    }

    private ViewFold viewFold(FoldSettings settings) {
        if (!settings.equals(foldSettings)) {
            fold = new ViewFold(graph, settings.composition(), settings.lint());
            foldSettings = settings;
        }
        return fold;
    }

    private static void restoreInstance(FoldMemory memory, String key, Optional<ServiceCatalog> previous) {
        previous.ifPresentOrElse(catalog -> memory.putInstance(key, catalog), () -> memory.removeInstance(key));
    }

    private static void restoreRule(FoldMemory memory, String id, Optional<CurationRule> previous) {
        previous.ifPresentOrElse(rule -> memory.putRule(id, rule), () -> memory.removeRule(id));
    }

    private static void setRule(FoldMemory memory, String id, CurationRule rule) {
        if (rule == null) {
            memory.removeRule(id);
        } else {
            memory.putRule(id, rule);
        }
    }
}
