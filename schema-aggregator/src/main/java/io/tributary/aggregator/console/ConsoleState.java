package io.tributary.aggregator.console;

import io.tributary.avro.RecordReplay;
import io.tributary.curation.CurationRule;
import io.tributary.status.GatewayStatus;
import io.tributary.usage.OperationTotal;
import io.tributary.usage.UsageReport;
import io.tributary.usage.UsageWindow;
import io.tributary.view.Cause;
import io.tributary.view.LogReplay;
import io.tributary.view.SchemaView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console shows, as the topics said it so far: every view of the graph, the latest status of every gateway,
 * the latest rejected events, the curation rules, when each instance last renewed its lease, the operations
 * gateways reported by the hour, and the catalog log folded by the one fold the aggregator runs (what the check page
 * tries a proposed catalog on). Written by the
 * {@link LogTail} alone, read by any number of requests; each read returns a copy.
 */
final class ConsoleState {
    /** The most rejected events kept: the console shows the recent ones, the topic keeps them all. */
    static final int MAX_REJECTED = 500;
    /**
     * How much SDL the console keeps across the views it shows, in characters (all but the latest view's compressed,
     * see {@link KeptView}): every view of a small graph, the latest few dozen of a Coursera-sized one (2 MB of SDL a
     * view). Older views stay on the history topic, where
     * {@code tributary history}, {@code diff} and {@code blame} read them.
     */
    static final long VIEWS_KEPT_SDL = 48_000_000;
    /** How far back the console keeps usage: the usage topic's retention. */
    static final Duration USAGE_KEPT = Duration.ofDays(30);

    /** The most bytes of catalog records kept unfolded: beyond, they are folded at once. */
    private static final long MAX_UNFOLDED_BYTES = 16_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleState.class);

    /** A record of the catalog topic, as read. */
    private record CatalogRecord(String topic, int partition, long offset, byte[] key, byte[] value, Headers headers, long timestamp) {
        long size() {
            return (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        }
    }

    /** An event the aggregator could not use, as the rejected topic carries it; {@code at} is when it was rejected (ISO-8601). */
    record Rejected(long offset, String at, String key, String reason, String source) {
    }

    /** When an instance last said it is alive (its publication or its latest heartbeat), and how long its lease is. */
    record Lease(Instant renewedAt, long leaseMillis) {
    }

    private final String graph;
    private final long viewsKeptSdl;
    private final TreeMap<Long, KeptView> views = new TreeMap<>();
    private long viewsSdl;
    private final Map<String, GatewayStatus> gateways = new TreeMap<>();
    private final Deque<Rejected> rejected = new ArrayDeque<>();
    private final Map<String, CurationRule> rules = new TreeMap<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private final UsageWindow usage;
    private final RecordReplay fold;
    private final Deque<CatalogRecord> unfolded = new ArrayDeque<>();
    private long unfoldedBytes;
    private boolean usageTopicFound;

    ConsoleState(String graph) {
        this(graph, VIEWS_KEPT_SDL);
    }

    /** A state that keeps views up to {@code viewsKeptSdl} characters of SDL in all, the latest always. */
    ConsoleState(String graph, long viewsKeptSdl) {
        this.graph = graph;
        this.viewsKeptSdl = viewsKeptSdl;
        this.usage = new UsageWindow(graph);
        this.fold = new RecordReplay(graph);
    }

    /**
     * Takes the next record of the catalog topic, to fold as {@code tributary check} replays the log once the
     * aggregator has folded it (see {@link #view}), or when the check page asks for the fold.
     */
    synchronized void catalogRecord(String topic, int partition, long offset, byte[] key, byte[] value, Headers headers, long timestamp) {
        CatalogRecord record = new CatalogRecord(topic, partition, offset, key, value, headers, timestamp);
        unfolded.add(record);
        unfoldedBytes += record.size();
        if (unfoldedBytes > MAX_UNFOLDED_BYTES) {
            foldThrough(null);
        }
    }

    /** A copy of the fold of the catalog log so far, to try a deploy on without changing it. */
    synchronized LogReplay fold() {
        foldThrough(null);
        return fold.fold().copy();
    }

    /**
     * Folds the records taken, up to the view's cause if one is given, else all. Folding a record the aggregator has
     * already folded finds its composition remembered (the same fold, in this process); folding it as it arrives
     * raced the aggregator's fold of it, and at Coursera scale took as much CPU as the aggregator itself.
     */
    private void foldThrough(Cause cause) {
        while (!unfolded.isEmpty()) {
            CatalogRecord next = unfolded.peekFirst();
            if (cause != null && (!next.topic().equals(cause.topic()) || next.partition() != cause.partition() || next.offset() > cause.offset())) {
                return;
            }
            unfolded.pollFirst();
            unfoldedBytes -= next.size();
            try {
                fold.apply(next.topic(), next.partition(), next.offset(), next.key(), next.value(), next.headers(), next.timestamp());
            } catch (RuntimeException e) {
                LOG.debug("console: skipping catalog record {}/{}@{} the fold cannot take: {}", next.topic(), next.partition(),
                        next.offset(), e.getMessage());
            }
        }
    }

    /** The usage topic exists, so the usage window says which operations clients sent (and not merely that none is known). */
    synchronized void usageTopicFound() {
        usageTopicFound = true;
    }

    synchronized boolean usageKnown() {
        return usageTopicFound;
    }

    /**
     * Adds a gateway's usage report; hours older than {@link #USAGE_KEPT} before it are forgotten, as the topic
     * forgets them, so the window stays bounded however long the console runs.
     */
    synchronized void usage(UsageReport report) {
        usage.add(report);
        usage.forgetBefore(report.to().minus(USAGE_KEPT));
    }

    /** The operations seen in the hours from {@code from} to {@code to}, most executed first. */
    synchronized List<OperationTotal> usage(Instant from, Instant to) {
        return usage.totals(from, to);
    }

    String graph() {
        return graph;
    }

    synchronized void view(SchemaView view) {
        if (!view.graph().equals(graph)) {
            return;
        }
        KeptView kept = KeptView.latest(view);
        KeptView replaced = views.put(view.version(), kept);
        viewsSdl += kept.sdlLength() - (replaced == null ? 0 : replaced.sdlLength());
        long latest = views.lastKey();
        if (view.version() != latest) {
            views.put(view.version(), kept.earlier());
        }
        Map.Entry<Long, KeptView> previous = views.lowerEntry(latest);
        if (previous != null) {
            views.put(previous.getKey(), previous.getValue().earlier());
        }
        while (viewsSdl > viewsKeptSdl && views.size() > 1) {
            viewsSdl -= views.pollFirstEntry().getValue().sdlLength();
        }
        if (view.cause() != null) {
            foldThrough(view.cause());
        }
    }

    synchronized void gateway(String id, GatewayStatus status) {
        if (status == null) {
            gateways.remove(id);
        } else {
            gateways.put(id, status);
        }
    }

    synchronized void rejected(Rejected event) {
        rejected.addFirst(event);
        if (rejected.size() > MAX_REJECTED) {
            rejected.removeLast();
        }
    }

    synchronized void rule(String id, CurationRule rule) {
        if (rule == null) {
            rules.remove(id);
        } else {
            rules.put(id, rule);
        }
    }

    /** An instance published, or renewed its lease; a null lease means it left. */
    synchronized void lease(String instanceKey, Lease lease) {
        if (lease == null) {
            leases.remove(instanceKey);
        } else {
            leases.put(instanceKey, lease);
        }
    }

    /** Renews the lease of an instance already known; a heartbeat of an unknown instance renews nothing. */
    synchronized boolean renew(String instanceKey, Instant at) {
        Lease lease = leases.get(instanceKey);
        if (lease == null || !at.isAfter(lease.renewedAt())) {
            return false;
        }
        leases.put(instanceKey, new Lease(at, lease.leaseMillis()));
        return true;
    }

    synchronized List<SchemaView> history() {
        return views.values().stream().map(KeptView::view).toList();
    }

    /**
     * The kept views with an empty SDL but the latest's, for pages that read what changed and why, not the schema: the
     * services page is reloaded at every view while a browser shows it, and reading back every kept SDL is a few dozen
     * milliseconds at Coursera scale.
     */
    synchronized List<SchemaView> historyWithoutSdl() {
        return views.values().stream().map(KeptView::withoutSdl).toList();
    }

    synchronized Optional<SchemaView> latest() {
        return Optional.ofNullable(views.lastEntry()).map(latest -> latest.getValue().view());
    }

    synchronized Optional<SchemaView> version(long version) {
        return Optional.ofNullable(views.get(version)).map(KeptView::view);
    }

    synchronized List<GatewayStatus> gateways() {
        return new ArrayList<>(gateways.values());
    }

    synchronized List<Rejected> rejected() {
        return new ArrayList<>(rejected);
    }

    synchronized Map<String, CurationRule> rules() {
        return new TreeMap<>(rules);
    }

    synchronized Optional<Lease> lease(String instanceKey) {
        return Optional.ofNullable(leases.get(instanceKey));
    }
}
