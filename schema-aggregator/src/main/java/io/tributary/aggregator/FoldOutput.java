package io.tributary.aggregator;

import io.tributary.view.SchemaView;

/**
 * What the aggregator's processors send on: a new view, a record rejected with its reason, or a record relayed into
 * the catalog log (a curation change, the fold settings).
 */
sealed interface FoldOutput {

    record NewView(SchemaView view) implements FoldOutput {
    }

    record Rejected(Rejection rejection) implements FoldOutput {
    }

    record Relayed(byte[] key, byte[] value) implements FoldOutput {
    }
}
