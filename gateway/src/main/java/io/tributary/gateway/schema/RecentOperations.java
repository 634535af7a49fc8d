package io.tributary.gateway.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operation documents clients used lately, bounded: before a new view is swapped in, each is validated against
 * it, so the gateway can say which clients the change would break.
 */
public final class RecentOperations {
    /** An operation as a client sent it: the document and, for documents with several operations, which one. */
    public record Operation(String query, String operationName) {
    }

    private final int capacity;
    private final Map<Operation, Long> lastUsed = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    public RecentOperations(int capacity) {
        this.capacity = capacity;
    }

    void record(String query, String operationName) {
        lastUsed.put(new Operation(query, operationName), clock.incrementAndGet());
        if (lastUsed.size() > capacity) {
            trim();
        }
    }

    /** The recent operations, most recently used first. */
    public List<Operation> snapshot() {
        return lastUsed.entrySet().stream()
                .sorted(Map.Entry.<Operation, Long>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private synchronized void trim() {
        int excess = lastUsed.size() - capacity;
        if (excess <= 0) {
            return;
        }
        lastUsed.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .limit(excess)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(lastUsed::remove);
    }
}
