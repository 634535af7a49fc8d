package io.tributary.avro;

import io.tributary.view.Cause;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What kind of event a record on the catalog topic is: a catalog, a retraction, or an expiry (a tombstone the
 * aggregator marked with the header {@code tributary.event=lease-expired}). Part of the contract, so the aggregator
 * that writes expiries and every reader of the log tell them apart the same way.
 */
public final class CatalogEvents {
    static final String EVENT_HEADER = "tributary.event";
    static final String LEASE_EXPIRED = "lease-expired";

    private CatalogEvents() {
    }

    /** The headers of an expiry tombstone. */
    public static Headers expiryHeaders() {
        return new RecordHeaders().add(EVENT_HEADER, LEASE_EXPIRED.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The kind of a record on the catalog topic. Headers are untrusted like the rest of a record: a missing, empty or
     * null-valued marker makes a tombstone a plain retraction.
     */
    public static Cause.EventKind kind(byte[] value, Headers headers) {
        if (value != null) {
            return Cause.EventKind.PUBLISHED;
        }
        Header header = headers == null ? null : headers.lastHeader(EVENT_HEADER);
        return header != null && header.value() != null && LEASE_EXPIRED.equals(new String(header.value(), StandardCharsets.UTF_8))
                ? Cause.EventKind.EXPIRED : Cause.EventKind.RETRACTED;
    }
}
