package io.tributary.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, appended by one thread, then merged and summarized. */
final class Sampled {
    private long[] values = new long[4096];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Sampled merge(Iterable<Sampled> parts) {
        Sampled all = new Sampled();
        for (Sampled part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /** The latency at this quantile, in milliseconds, of merged (sorted) samples. */
    double quantileMillis(double quantile) {
        return size == 0 ? Double.NaN : values[Math.min(size - 1, (int) Math.ceil(quantile * size) - 1)] / 1e6;
    }
}
