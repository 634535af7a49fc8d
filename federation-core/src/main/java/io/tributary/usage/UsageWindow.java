package io.tributary.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The usage reports of one graph folded into per-operation totals by the hour, so that the totals over the last N
 * days are a sum of at most 24 × N buckets whatever the number of reports: what {@code check}, {@code history} and the
 * console read. Reports of other graphs are ignored. Pure and deterministic: the same reports in any order give the
 * same totals. Not thread-safe.
 */
public final class UsageWindow {
    private final String graph;
    /** Per hour (the start of the report's interval, truncated), per operation hash, the running totals. */
    private final NavigableMap<Instant, Map<String, Tally>> hours = new TreeMap<>();
    /** Per operation hash, what it is, from the report with the latest interval. */
    private final Map<String, Described> described = new HashMap<>();

    private record Described(Instant at, OperationUsage operation) {
    }

    /** A client's running totals within one hour bucket. */
    private record ClientKey(String client, String version) {
    }

    private static final class Tally {
        long count;
        long errors;
        List<Long> latency = Latency.empty();
        final Map<ClientKey, long[]> clients = new HashMap<>();
    }

    public UsageWindow(String graph) {
        this.graph = graph;
    }

    /** Adds one gateway's report, if it is about this window's graph. */
    public void add(UsageReport report) {
        if (!report.graph().equals(graph)) {
            return;
        }
        Instant hour = report.from().truncatedTo(ChronoUnit.HOURS);
        Map<String, Tally> tallies = hours.computeIfAbsent(hour, h -> new HashMap<>());
        for (OperationUsage operation : report.operations()) {
            Described before = described.get(operation.hash());
            if (before == null || report.from().isAfter(before.at()) || report.from().equals(before.at())
                    && operation.coordinates().toString().compareTo(before.operation().coordinates().toString()) > 0) {
                // the latest report describes it; of two as late, the same one whatever the order they came in
                described.put(operation.hash(), new Described(report.from(), operation));
            }
            Tally tally = tallies.computeIfAbsent(operation.hash(), h -> new Tally());
            for (ClientUsage client : operation.clients()) {
                tally.count += client.count();
                tally.errors += client.errors();
                tally.latency = Latency.add(tally.latency, client.latency());
                long[] counts = tally.clients.computeIfAbsent(new ClientKey(client.client(), client.version()), k -> new long[2]);
                counts[0] += client.count();
                counts[1] += client.errors();
            }
        }
    }

    /** Forgets the hours before {@code instant}: what a long-running reader calls to bound its memory. */
    public void forgetBefore(Instant instant) {
        Instant hour = instant.truncatedTo(ChronoUnit.HOURS);
        if (hours.isEmpty() || !hours.firstKey().isBefore(hour)) {
            return;
        }
        hours.headMap(hour, false).clear();
        described.keySet().retainAll(hours.values().stream().flatMap(h -> h.keySet().stream()).collect(java.util.stream.Collectors.toSet()));
    }

    /** The operations seen in the {@code length} up to {@code end} (whole hours), most executed first. */
    public List<OperationTotal> totals(Instant end, Duration length) {
        return totals(end.minus(length), end);
    }

    /** The operations seen in the hours from {@code from} to {@code to}, most executed first, then by hash. */
    public List<OperationTotal> totals(Instant from, Instant to) {
        Map<String, Tally> sum = new TreeMap<>();
        for (Map<String, Tally> hour : hours.subMap(from.truncatedTo(ChronoUnit.HOURS), true, to, true).values()) {
            hour.forEach((hash, tally) -> {
                Tally total = sum.computeIfAbsent(hash, h -> new Tally());
                total.count += tally.count;
                total.errors += tally.errors;
                total.latency = Latency.add(total.latency, tally.latency);
                tally.clients.forEach((client, counts) -> {
                    long[] into = total.clients.computeIfAbsent(client, k -> new long[2]);
                    into[0] += counts[0];
                    into[1] += counts[1];
                });
            });
        }
        List<OperationTotal> totals = new ArrayList<>();
        sum.forEach((hash, tally) -> {
            OperationUsage operation = described.get(hash).operation();
            List<OperationTotal.ClientTotal> clients = tally.clients.entrySet().stream()
                    .map(e -> new OperationTotal.ClientTotal(e.getKey().client(), e.getKey().version(), e.getValue()[0], e.getValue()[1]))
                    .sorted(Comparator.comparingLong(OperationTotal.ClientTotal::count).reversed()
                            .thenComparing(OperationTotal.ClientTotal::client).thenComparing(OperationTotal.ClientTotal::version))
                    .toList();
            totals.add(new OperationTotal(hash, operation.name(), operation.document(), operation.coordinates(), tally.count,
                    tally.errors, clients, tally.latency));
        });
        totals.sort(Comparator.comparingLong(OperationTotal::count).reversed().thenComparing(OperationTotal::hash));
        return totals;
    }

    /** How many executions used each coordinate in the operations given, most used first, then by name. */
    public static Map<String, Long> fieldCounts(List<OperationTotal> operations) {
        Map<String, Long> counts = new HashMap<>();
        operations.forEach(o -> o.coordinates().forEach(c -> counts.merge(c, o.count(), Long::sum)));
        Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEachOrdered(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The field coordinates of {@code schemaFields} that no operation given uses, sorted. */
    public static List<String> unused(java.util.Collection<String> schemaFields, List<OperationTotal> operations) {
        TreeSet<String> unused = new TreeSet<>(schemaFields);
        operations.forEach(o -> o.coordinates().forEach(unused::remove));
        return List.copyOf(unused);
    }
}
