package io.tributary.view;

/**
 * The log event that produced a view: where it sits in the log, so an operator can find and replay it, and what
 * kind of event it was.
 */
public record Cause(String topic, int partition, long offset, String key, EventKind kind) {

    /** What happened to the instance the event is about. */
    public enum EventKind {
        /** An instance published (or republished) its catalog. */
        PUBLISHED,
        /** An instance retracted its catalog when it shut down. */
        RETRACTED,
        /** The aggregator expired an instance whose lease ran out without a heartbeat. */
        EXPIRED,
        /** The platform team added, changed or removed a curation rule. */
        CURATED,
        /** The aggregator started with fold settings (composition, lint) other than those in force. */
        SETTINGS
    }

    /** A publication's cause: the common case, and the one tests mostly need. */
    public Cause(String topic, int partition, long offset, String key) {
        this(topic, partition, offset, key, EventKind.PUBLISHED);
    }
}
