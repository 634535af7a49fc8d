package io.tributary.avro;

import io.tributary.view.Cause;
import io.tributary.view.LogFold;
import io.tributary.view.LogReplay;
import io.tributary.view.SchemaView;
import java.time.Instant;
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
        this(new LogReplay(graph));
    }

    private RecordReplay(LogReplay replay) {
        this.replay = replay;
    }

    /** Decodes and folds the next record of the log. */
    public LogFold.Outcome apply(String topic, int partition, long offset, byte[] key, byte[] value, Headers headers, long timestamp) {
        CatalogEvents.Decoded decoded = CatalogEvents.decode(key, value, headers);
        Cause cause = new Cause(topic, partition, offset, decoded.key() == null ? "" : decoded.key(), decoded.event().kind());
        return replay.apply(decoded.event(), cause, Instant.ofEpochMilli(timestamp));
    }

    /** Folds an event that is not in the log (yet), such as the catalog {@code check} is asked about. */
    public LogFold.Outcome apply(io.tributary.view.LogEvent event, Cause cause, Instant at) {
        return replay.apply(event, cause, at);
    }

    public Optional<SchemaView> current() {
        return replay.current();
    }

    /** An independent copy, to try an event on without changing this replay. */
    public RecordReplay copy() {
        return new RecordReplay(replay.copy());
    }
}
