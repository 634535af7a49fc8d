package io.tributary.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command: the entry point of the runnable jar behind {@code ./tributary}. */
@Command(name = "tributary", mixinStandardHelpOptions = true, version = "tributary 0.1.0",
        description = "One GraphQL API over many REST services, its schema pushed through Kafka.",
        subcommands = {DevCommand.class, AggregatorCommand.class, ExampleCommand.class, PublishCommand.class})
public final class TributaryCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new TributaryCommand()).execute(args));
    }
}
