package io.tributary.aggregator;

import java.nio.charset.StandardCharsets;

/** The header the aggregator writes on the rejected topic: why an event could not be used. */
final class Headers {
    /** On the rejected topic: why the event could not be used. */
    static final String REJECTED_REASON = "tributary.rejected.reason";

    private Headers() {
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
