package io.tributary.gateway.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A map of at most {@code capacity} entries that forgets the least recently used one first, safe to share between
 * requests. For what the request path works out from a client's document and may reuse within one executable graph.
 */
public final class BoundedCache<K, V> {
    private final Map<K, V> entries;

    public BoundedCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value kept for {@code key}, or null. */
    public V get(K key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    public void put(K key, V value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    /** The value kept for {@code key}, or the one {@code compute} makes (outside the lock), then kept. */
    public V computeIfAbsent(K key, Function<K, V> compute) {
        V kept = get(key);
        if (kept != null) {
            return kept;
        }
        V computed = compute.apply(key);
        put(key, computed);
        return computed;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
