package io.tributary.aggregator;

import io.tributary.avro.CatalogEvents;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.Heartbeat;
import io.tributary.text.Printable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews leases from heartbeats and, on the wall clock, expires instances that stopped sending them. An expiry is
 * written to the catalog topic as a tombstone marked {@code lease-expired}, so the fold (and any replay of the log)
 * sees it as an event like any other. No instance expires during the first {@code grace} after start, while the
 * heartbeat backlog is still being read, nor during the {@code grace} after the aggregator itself stood still (its
 * lease check ran late: the broker was paused or unreachable, the JVM stalled): the heartbeats sent meanwhile are in
 * the log, unread, and an instance that kept beating must not be expired for the aggregator's own outage.
 */
final class LeaseKeeper implements Processor<byte[], byte[], String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Duration checkInterval;
    private final Duration grace;
    private final Deserializer<Heartbeat> heartbeats = TributarySerdes.heartbeat().deserializer();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, String> leases;
    private long quietUntil;
    private long lastCheck;

    LeaseKeeper(Duration checkInterval, Duration grace) {
        this.checkInterval = checkInterval;
        this.grace = grace;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.leases = context.getStateStore(AggregatorStores.LEASES);
        this.quietUntil = context.currentSystemTimeMs() + grace.toMillis();
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    /** How late a lease check may run before the aggregator counts as having stood still. */
    private long stallThreshold() {
        return Math.max(10 * checkInterval.toMillis(), 10_000);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = CatalogEvents.keyText(record.key()).orElse(null);
        if (key == null || record.value() == null || leases.get(key) == null) {
            return;
        }
        Heartbeat heartbeat;
        try {
            heartbeat = heartbeats.deserialize("", record.value());
        } catch (RuntimeException e) {
            LOG.warn("Ignoring undecodable heartbeat of {}: {}", Printable.of(key), Printable.of(e.getMessage()));
            return;
        }
        leases.put(key, new Leases(context.currentSystemTimeMs(), heartbeat.leaseMillis()).encode());
    }

    private void expire(long now) {
        long sinceLastCheck = lastCheck == 0 ? 0 : now - lastCheck;
        lastCheck = now;
        if (sinceLastCheck > stallThreshold()) {
            quietUntil = now + grace.toMillis();
            LOG.warn("The lease check ran {} ms late: the aggregator stood still (broker paused or unreachable?); no lease expires"
                    + " for the next {} s, while the heartbeats sent meanwhile are read", sinceLastCheck - checkInterval.toMillis(),
                    grace.toSeconds());
        }
        if (now < quietUntil) {
            return;
        }
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> all = leases.all()) {
            all.forEachRemaining(kv -> {
                if (Leases.decode(kv.value).expiredAt(now)) {
                    expired.add(kv.key);
                }
            });
        }
        for (String instance : expired) {
            leases.delete(instance);
            LOG.warn("Lease of {} ran out without a heartbeat; expiring it", Printable.of(instance));
            context.forward(new Record<String, byte[]>(instance, null, now,
                    CatalogEvents.expiryHeaders()));
        }
    }
}
