package io.tributary.cli.ops;

import io.tributary.avro.TopicProvisioner;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tributary topics create}: creates every Tributary topic a cluster lacks, with its configuration. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Manage Tributary's topics.",
        subcommands = TopicsCommand.Create.class)
public final class TopicsCommand {

    /** Creates the missing topics; existing ones are left as they are. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create every Tributary topic the cluster lacks (compaction, retention and partitions set).")
    static final class Create implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;
        @Option(names = "--replication-factor", defaultValue = "1", description = "Replicas per partition (default: ${DEFAULT-VALUE}; use 3 in production).")
        short replicationFactor;
        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<String> created;
            try {
                created = TopicProvisioner.ensure(kafka.bootstrapServers(), kafka.topics(), replicationFactor);
            } catch (IllegalStateException e) {
                throw new OperatorException(e.getMessage());
            }
            List<String> all = kafka.topics().newTopics(replicationFactor).stream().map(t -> t.name()).toList();
            if (json) {
                JsonOutput.print(out,
                        all.stream().map(topic -> java.util.Map.of("topic", topic, "state", created.contains(topic) ? "created" : "exists")).toList());
                return 0;
            }
            Table table = Table.of("TOPIC", "STATE");
            all.forEach(topic -> table.row(topic, created.contains(topic) ? "created" : "exists"));
            table.print(out);
            return 0;
        }
    }
}
