package io.tributary.aggregator;

/** One instance's lease as the aggregator keeps it: when it was last heard of, and for how long that counts. */
record Leases(long lastSeenMillis, long leaseMillis) {

    boolean expiredAt(long nowMillis) {
        return nowMillis - lastSeenMillis > leaseMillis;
    }

    /** Stored as text, {@code lastSeen/lease}: tiny, and readable in the changelog. */
    String encode() {
        return lastSeenMillis + "/" + leaseMillis;
    }

    static Leases decode(String text) {
        int slash = text.indexOf('/');
        return new Leases(Long.parseLong(text.substring(0, slash)), Long.parseLong(text.substring(slash + 1)));
    }
}
