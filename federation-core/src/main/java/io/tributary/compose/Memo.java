package io.tributary.compose;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The most recent results of a costly pure function, by input. The fold meets the same inputs again and again: a
 * republished catalog, an instance joining a service whose catalog it shares, replay and check folding what the
 * aggregator folded. A result found here is the very result computing it again would give, so nothing the fold makes
 * depends on what is remembered. Bounded by entries and by weight (about the size of what is kept), least recently
 * used out first; the newest result always stays. Safe to share between threads: two that miss on the same input
 * both compute it, and either result is the same.
 */
public final class Memo<K, V> {
    private final int maxEntries;
    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    public Memo(int maxEntries, long maxWeight, ToLongFunction<V> weigher) {
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /** The remembered result for this input, if there is one. */
    public synchronized java.util.Optional<V> find(K key) {
        return java.util.Optional.ofNullable(entries.get(key));
    }

    /** The remembered result for this input, or {@code compute}'s (remembered unless it throws). */
    public V get(K key, Function<K, V> compute) {
        synchronized (this) {
            V known = entries.get(key);
            if (known != null) {
                return known;
            }
        }
        V value = compute.apply(key);
        synchronized (this) {
            V replaced = entries.put(key, value);
            weight += weigher.applyAsLong(value) - (replaced == null ? 0 : weigher.applyAsLong(replaced));
            Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
            while ((entries.size() > maxEntries || weight > maxWeight) && entries.size() > 1) {
                weight -= weigher.applyAsLong(eldest.next().getValue());
                eldest.remove();
            }
        }
        return value;
    }
}
