package io.tributary.gateway.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operation documents clients used lately, bounded in number and in size: before a new view is swapped in, each
 * is validated against it, so the gateway can say which clients the change would break. A document larger than the
 * size bound is not remembered, so a few huge documents cannot hold memory or slow every warm-up.
 */
public final class RecentOperations {
    /** The default bound on a remembered document: 16 KiB of UTF-8. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024;

    /** An operation as a client sent it: the document and, for documents with several operations, which one. */
    public record Operation(String query, String operationName) {
    }

    private final int capacity;
    private final int maxDocumentBytes;
    private final Map<Operation, Long> lastUsed = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    public RecentOperations(int capacity) {
        this(capacity, DEFAULT_MAX_DOCUMENT_BYTES);
    }

    /** At most {@code capacity} operations, each document at most {@code maxDocumentBytes} UTF-8 bytes. */
    public RecentOperations(int capacity, int maxDocumentBytes) {
        if (capacity < 0 || maxDocumentBytes < 0) {
            throw new IllegalArgumentException("capacity and document size must not be negative");
        }
        this.capacity = capacity;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    void record(String query, String operationName) {
        if (query == null || capacity == 0 || !fits(query)) {
            return;
        }
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

    private boolean fits(String query) {
        if (query.length() > maxDocumentBytes) {
            return false;
        }
        long bytes = 0;
        for (int i = 0; i < query.length() && bytes <= maxDocumentBytes; i++) {
            char c = query.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes <= maxDocumentBytes;
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
