package io.tributary.cli.ops;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which graph an operator command is about, and how it reaches Kafka: the options every such command shares. */
public final class GraphOptions {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--graph", defaultValue = "default", description = "The graph (default: ${DEFAULT-VALUE}).")
    String graph;

    public KafkaOptions kafka() {
        return kafka;
    }

    public String graph() {
        return graph;
    }
}
