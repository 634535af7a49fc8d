package io.tributary.view;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;

/**
 * One record of the catalog log, as the fold understands it. The catalog log is the fold's only input, in offset
 * order: publications and retractions from the services, lease expiries and relayed curation changes and settings
 * from the aggregator. One total order is what makes every fold of the log make the same views.
 */
public sealed interface LogEvent {

    /** What kind of event this is, for the cause of the view it produces. */
    Cause.EventKind kind();

    /** What the event is about, for the cause of the view it produces: an instance key, a rule id, a graph. */
    String subject();

    /** An instance published its catalog under its own key. */
    record Published(String key, ServiceCatalog catalog) implements LogEvent {
        @Override
        public String subject() {
            return key;
        }

        @Override
        public Cause.EventKind kind() {
            return Cause.EventKind.PUBLISHED;
        }
    }

    /** An instance left: it retracted its catalog, or the aggregator expired its lease. */
    record Retracted(String key, boolean expired) implements LogEvent {
        @Override
        public String subject() {
            return key;
        }

        @Override
        public Cause.EventKind kind() {
            return expired ? Cause.EventKind.EXPIRED : Cause.EventKind.RETRACTED;
        }
    }

    /** A curation rule was set, or removed (rule null). */
    record Curated(String ruleId, CurationRule rule) implements LogEvent {
        @Override
        public String subject() {
            return ruleId;
        }

        @Override
        public Cause.EventKind kind() {
            return Cause.EventKind.CURATED;
        }
    }

    /** The aggregator started with these fold settings. */
    record SettingsChanged(String graph, FoldSettings settings) implements LogEvent {
        @Override
        public String subject() {
            return graph;
        }

        @Override
        public Cause.EventKind kind() {
            return Cause.EventKind.SETTINGS;
        }
    }

    /** A record the fold cannot use, and why: it changes nothing and goes to the rejected topic. */
    record Unusable(String reason) implements LogEvent {
        @Override
        public String subject() {
            return "";
        }

        @Override
        public Cause.EventKind kind() {
            return Cause.EventKind.PUBLISHED;
        }
    }
}
