package io.tributary.aggregator;

/** An input record the aggregator cannot use, for a reason that belongs to the record: it goes to the rejected topic. */
final class UnusableEventException extends RuntimeException {
    UnusableEventException(String reason) {
        super(reason, null, false, false);
    }
}
