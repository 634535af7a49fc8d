package io.tributary.cli;

import io.tributary.cli.ops.BlameCommand;
import io.tributary.cli.ops.CheckCommand;
import io.tributary.cli.ops.DiffCommand;
import io.tributary.cli.ops.DriftCommand;
import io.tributary.cli.ops.HistoryCommand;
import io.tributary.cli.ops.OperationsCommand;
import io.tributary.cli.ops.OperatorException;
import io.tributary.cli.ops.ReplayCommand;
import io.tributary.cli.ops.StatusCommand;
import io.tributary.cli.ops.TopicsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command: the entry point of the runnable jar behind {@code ./tributary}. */
@Command(name = "tributary", mixinStandardHelpOptions = true, version = "tributary 0.1.0",
        description = "One GraphQL API over many REST services, its schema pushed through Kafka.",
        subcommands = {DevCommand.class, KafkaCommand.class, AggregatorCommand.class, GatewayCommand.class, ExampleCommand.class, PublishCommand.class,
                StatusCommand.class, ReplayCommand.class, HistoryCommand.class, DiffCommand.class, BlameCommand.class,
                DriftCommand.class, CheckCommand.class, TopicsCommand.class, OperationsCommand.class})
public final class TributaryCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: an operator's mistake prints one line that says what to do, exit 2. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TributaryCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof OperatorException) {
                cmd.getErr().println("tributary " + cmd.getCommandName() + ": " + exception.getMessage());
                cmd.getErr().flush();
                return 2;
            }
            throw exception;
        });
        return commandLine;
    }
}
