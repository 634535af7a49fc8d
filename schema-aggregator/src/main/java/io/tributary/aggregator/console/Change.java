package io.tributary.aggregator.console;

import java.util.Locale;

/** What changed on the topics, as the console's event stream names it: each page listens to the changes it shows. */
enum Change {
    /** A new view in the history. */
    VIEWS,
    /** An instance published, left or renewed its lease. */
    INSTANCES,
    /** A gateway reported its status. */
    GATEWAYS,
    /** The aggregator rejected an event. */
    REJECTED,
    /** A curation rule was set or removed. */
    CURATION,
    /** A gateway reported usage. */
    USAGE;

    /** The event's name on the stream: {@code views}, {@code instances}, ... */
    String eventName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
