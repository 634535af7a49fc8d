package io.tributary.aggregator;

import io.tributary.view.SchemaView;

/** What folding one catalog event produced: a new view, or the event itself rejected with the reason. */
sealed interface FoldOutput {

    record NewView(SchemaView view) implements FoldOutput {
    }

    record Rejected(byte[] original, String reason) implements FoldOutput {
    }
}
