package io.tributary.view;

import java.util.Optional;

/** The outcome of folding one event: a new view if the graph changed, and the fold's state to keep. */
public record FoldStep(Optional<SchemaView> view, FoldState state) {
}
