package io.tributary.gateway.usage;

import io.tributary.gateway.request.Client;
import io.tributary.usage.ClientUsage;
import io.tributary.usage.Latency;
import io.tributary.usage.OperationSignature;
import io.tributary.usage.OperationUsage;
import io.tributary.usage.UsageReport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the operations this gateway executes in the current interval, per operation and client, in bounded memory:
 * at most {@code maxOperations} distinct operations (executions of further ones are counted as dropped) and
 * {@code maxClients} clients per operation (further ones count as {@value #OTHER_CLIENTS}). Recording is a couple of
 * map lookups and counter increments; {@link #drain} hands over the interval and starts the next.
 *
 * <p>An execution recorded at the very moment of a drain may land in the interval just handed over after it was read,
 * and is then not reported: the price of keeping locks off the request path.
 */
public final class UsageRecorder {
    /** The client name further clients of an operation are counted under once it has {@code maxClients}. */
    static final String OTHER_CLIENTS = "(other)";

    private final String gatewayId;
    private final String graph;
    private final int maxOperations;
    private final int maxClients;
    private final Clock clock;
    private final AtomicReference<Interval> current;
    private final LongAdder droppedTotal = new LongAdder();

    public UsageRecorder(String gatewayId, String graph, int maxOperations, int maxClients, Clock clock) {
        if (maxOperations < 1 || maxClients < 1) {
            throw new IllegalArgumentException("tributary.gateway.usage.max-operations and max-clients must be at least 1");
        }
        this.gatewayId = gatewayId;
        this.graph = graph;
        this.maxOperations = maxOperations;
        this.maxClients = maxClients;
        this.clock = clock;
        this.current = new AtomicReference<>(new Interval(clock.instant()));
    }

    private static final class Interval {
        final Instant from;
        final Map<String, Tally> operations = new ConcurrentHashMap<>();
        final LongAdder dropped = new LongAdder();

        Interval(Instant from) {
            this.from = from;
        }
    }

    /** One operation's counts within an interval. */
    private static final class Tally {
        final OperationSignature signature;
        final Map<Client, Counts> clients = new ConcurrentHashMap<>();

        Tally(OperationSignature signature) {
            this.signature = signature;
        }
    }

    private static final class Counts {
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicLongArray latency = new AtomicLongArray(Latency.BUCKETS);
    }

    /** Counts one execution of an operation by a client, whether its result had errors, and how long it took. */
    public void record(OperationSignature signature, Client client, boolean failed, long nanos) {
        Interval interval = current.get();
        Tally tally = interval.operations.get(signature.hash());
        if (tally == null) {
            if (interval.operations.size() >= maxOperations) {
                interval.dropped.increment();
                droppedTotal.increment();
                return;
            }
            tally = interval.operations.computeIfAbsent(signature.hash(), h -> new Tally(signature));
        }
        Counts counts = tally.clients.get(client);
        if (counts == null) {
            Client counted = tally.clients.size() >= maxClients ? new Client(OTHER_CLIENTS, "") : client;
            counts = tally.clients.computeIfAbsent(counted, c -> new Counts());
        }
        counts.count.increment();
        if (failed) {
            counts.errors.increment();
        }
        counts.latency.incrementAndGet(Latency.bucket(nanos));
    }

    /** Executions left out since the gateway started because an interval was full: the metric of what was dropped. */
    public long droppedTotal() {
        return droppedTotal.sum();
    }

    /** Ends the current interval and returns its report; empty when it saw no request. */
    public java.util.Optional<UsageReport> drain() {
        Instant now = clock.instant();
        Interval ended = current.getAndSet(new Interval(now));
        if (ended.operations.isEmpty() && ended.dropped.sum() == 0) {
            return java.util.Optional.empty();
        }
        List<OperationUsage> operations = new ArrayList<>();
        for (Tally tally : ended.operations.values()) {
            List<ClientUsage> clients = new ArrayList<>();
            tally.clients.forEach((client, counts) -> {
                List<Long> latency = new ArrayList<>(Latency.BUCKETS);
                for (int i = 0; i < Latency.BUCKETS; i++) {
                    latency.add(counts.latency.get(i));
                }
                clients.add(new ClientUsage(client.name(), client.version(), counts.count.sum(), counts.errors.sum(), latency));
            });
            clients.sort(Comparator.comparing(ClientUsage::client).thenComparing(ClientUsage::version));
            OperationSignature s = tally.signature;
            operations.add(new OperationUsage(s.hash(), s.name(), s.document(), s.coordinates(), clients));
        }
        operations.sort(Comparator.comparing(OperationUsage::hash));
        return java.util.Optional.of(new UsageReport(gatewayId, graph, ended.from, now, operations, ended.dropped.sum()));
    }
}
