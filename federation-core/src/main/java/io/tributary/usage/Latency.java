package io.tributary.usage;

import java.util.ArrayList;
import java.util.List;

/**
 * The small latency histogram of usage reports: fixed buckets, so histograms from every gateway and interval add up
 * bucket by bucket. Bucket {@code i} counts executions that took at most {@code UPPER_MILLIS[i]} ms (and more than the
 * bucket before); the last bucket counts the rest.
 */
public final class Latency {
    /** The upper bounds of every bucket but the last, in milliseconds. */
    public static final List<Long> UPPER_MILLIS = List.of(5L, 10L, 25L, 50L, 100L, 250L, 500L, 1_000L, 2_500L);
    /** How many buckets a histogram has. */
    public static final int BUCKETS = UPPER_MILLIS.size() + 1;

    private Latency() {
    }

    /** The bucket an execution of {@code nanos} falls in. */
    public static int bucket(long nanos) {
        for (int i = 0; i < UPPER_MILLIS.size(); i++) {
            if (nanos <= UPPER_MILLIS.get(i) * 1_000_000) {
                return i;
            }
        }
        return UPPER_MILLIS.size();
    }

    /** Two histograms added bucket by bucket; one of another length (from a later writer) adds what both have. */
    public static List<Long> add(List<Long> a, List<Long> b) {
        List<Long> sum = new ArrayList<>(a.size() >= b.size() ? a : b);
        List<Long> other = a.size() >= b.size() ? b : a;
        for (int i = 0; i < other.size(); i++) {
            sum.set(i, sum.get(i) + other.get(i));
        }
        return List.copyOf(sum);
    }

    /** An empty histogram. */
    public static List<Long> empty() {
        return java.util.Collections.nCopies(BUCKETS, 0L);
    }
}
