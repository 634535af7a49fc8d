package io.tributary.avro;

import io.tributary.view.Cause;
import io.tributary.view.LogFold;
import io.tributary.view.LogReplay;
import io.tributary.view.SchemaView;
import io.tributary.catalog.ServiceCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;

/**
 * Replays the catalog log from its raw records, decoded as the aggregator decodes them ({@link CatalogEvents}) and
 * folded by the same {@link LogReplay}: what {@code tributary replay} and {@code check} run, and what tests compare
 * the live views against. Records must come in the catalog topic's offset order.
 */
public final class RecordReplay {
    private final LogReplay replay;

    public RecordReplay(String graph) {
        this.replay = new LogReplay(graph);
    }

    /** Decodes and folds the next record of the log. */
    public LogFold.Outcome apply(String topic, int partition, long offset, byte[] key, byte[] value, Headers headers, long timestamp) {
        CatalogEvents.Decoded decoded = CatalogEvents.decode(key, value, headers);
        Cause cause = new Cause(topic, partition, offset, decoded.causeKey(), decoded.event().kind());
        return replay.apply(decoded.event(), cause, Instant.ofEpochMilli(timestamp));
    }

    /** The fold of the records so far, to try events on a copy of ({@link LogReplay#copy()}). */
    public LogReplay fold() {
        return replay;
    }

    /** The live instances at this point of the log, in key order. */
    public List<ServiceCatalog> liveInstances() {
        return replay.liveInstances();
    }

    public Optional<SchemaView> current() {
        return replay.current();
    }
}
