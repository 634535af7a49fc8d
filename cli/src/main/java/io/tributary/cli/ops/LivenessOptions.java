package io.tributary.cli.ops;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How {@code status} and {@code drift} tell a component that stopped from one that runs: the aggregator's Kafka
 * Streams application id (its consumer group), and how old a gateway's last report may be before it counts as silent.
 */
public final class LivenessOptions {
    /** Three report intervals of a gateway's default {@code tributary.gateway.serving.status-interval} (10 s). */
    public static final String DEFAULT_SILENT_AFTER = "30s";

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "tributary-aggregator",
            description = "The aggregator's application id, as given to 'tributary aggregator' (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--silent-after", paramLabel = "DURATION", defaultValue = DEFAULT_SILENT_AFTER, converter = Ages.Converter.class,
            description = "A gateway whose last report is older counts as silent; 3 report intervals (default: ${DEFAULT-VALUE}).")
    Duration silentAfter;

    public String applicationId() {
        return applicationId;
    }

    public Duration silentAfter() {
        return silentAfter;
    }
}
