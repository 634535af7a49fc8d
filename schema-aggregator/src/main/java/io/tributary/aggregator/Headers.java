package io.tributary.aggregator;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;

/** The record headers Tributary writes: why an event was rejected, and that a tombstone is a lease expiry. */
final class Headers {
    /** On the catalog topic: set on a tombstone the aggregator wrote because the instance's lease ran out. */
    static final String EVENT = "tributary.event";
    static final String LEASE_EXPIRED = "lease-expired";
    /** On the rejected topic: why the event could not be used. */
    static final String REJECTED_REASON = "tributary.rejected.reason";

    private Headers() {
    }

    static Optional<String> value(org.apache.kafka.common.header.Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
