package io.tributary.gateway.rest.plan;

/**
 * Arithmetic that stops at {@link Long#MAX_VALUE} instead of wrapping: what a hostile operation's cost or call count
 * grows to must never overflow into a small number that passes a limit. Shared by the call estimate and the limits.
 */
public final class Saturating {
    private Saturating() {
    }

    public static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    public static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }
}
