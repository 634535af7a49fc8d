package io.tributary.gateway.schema;

import io.tributary.view.SchemaView;

/** Told about every swap and refusal: the disk cache, the status topic and the metrics follow the holder this way. */
public interface SwapListener {
    default void swapped(ExecutableGraph graph, SwapReport report) {
    }

    default void refused(SchemaView view, String reason) {
    }
}
