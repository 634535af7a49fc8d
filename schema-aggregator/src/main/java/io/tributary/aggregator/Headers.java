package io.tributary.aggregator;

import java.nio.charset.StandardCharsets;

/** The headers the aggregator writes on the rejected topic: why an event could not be used, and where it came from. */
public final class Headers {
    /** On the rejected topic: why the event could not be used (escaped, at most 1,000 characters). */
    public static final String REJECTED_REASON = "tributary.rejected.reason";
    /** On the rejected topic: where the original record is, {@code topic/partition@offset}. */
    public static final String REJECTED_SOURCE = "tributary.rejected.source";
    /**
     * On the rejected topic, only when the original was too large to copy: its size in bytes. The record then has no
     * value, and {@link #REJECTED_SOURCE} says where to read the original.
     */
    static final String REJECTED_ORIGINAL_SIZE = "tributary.rejected.original-size";

    private Headers() {
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
