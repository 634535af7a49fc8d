package io.tributary.gateway.schema;

import io.tributary.view.SchemaView;

/**
 * Told about every swap, refusal and withdrawal: the disk cache, the status topic and the metrics follow the holder
 * this way. A listener that throws is logged; the swap stands.
 */
public interface SwapListener {
    default void swapped(ExecutableGraph graph, SwapReport report) {
    }

    default void refused(SchemaView view, String reason) {
    }

    /** The served view was withdrawn (it belongs to another Kafka cluster); nothing is served until the next swap. */
    default void withdrawn(SchemaView view, String reason) {
    }
}
