package io.tributary.aggregator;

import io.tributary.view.SchemaView;

/** What folding one input record produced: a new view, or the record itself rejected with the reason. */
sealed interface FoldOutput {

    record NewView(SchemaView view) implements FoldOutput {
    }

    record Rejected(Rejection rejection) implements FoldOutput {
    }
}
