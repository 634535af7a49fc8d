package io.tributary.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

/**
 * One {@code tributary} command run in the test JVM the way an operator runs it, against a broker and a topic prefix,
 * with what it printed: the command-line tests read exit codes and output, not internals.
 */
public record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code args} with {@code --topic-prefix prefix --bootstrap bootstrap} appended. */
    public static CommandRun run(String bootstrap, String prefix, String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--topic-prefix", prefix, "--bootstrap", bootstrap));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TributaryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(command.toArray(String[]::new));
        return new CommandRun(code, out.toString(), err.toString());
    }
}
