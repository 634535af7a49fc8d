package io.tributary.view;

import io.tributary.diagnostic.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of folding one event: a new view if the graph changed, the fold's state to keep, and the lint errors
 * that kept a changed graph from becoming a view (only when lint errors are set to block).
 */
public record FoldStep(Optional<SchemaView> view, FoldState state, List<Diagnostic> blockedBy) {
    public FoldStep {
        blockedBy = List.copyOf(blockedBy);
    }

    public FoldStep(Optional<SchemaView> view, FoldState state) {
        this(view, state, List.of());
    }
}
