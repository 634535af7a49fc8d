package io.tributary.cli.ops;

import io.tributary.view.Blame;
import io.tributary.view.SchemaView;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tributary blame Type.field}: the events that introduced, changed and removed a field (or a type), with
 * their times, instances and deploys: why did it disappear at 02:14?
 */
@Command(name = "blame", mixinStandardHelpOptions = true, description = "The events that introduced, changed and removed Type.field (or Type).")
public final class BlameCommand implements Callable<Integer> {
    @Mixin
    GraphOptions options;
    @Parameters(index = "0", paramLabel = "Type.field", description = "A field coordinate such as Course.durationMinutes, or a type.")
    String coordinate;
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<SchemaView> history = ClusterState.history(options.kafka(), options.graph());
        List<Blame.Event> events = Blame.of(history, coordinate);
        if (json) {
            JsonOutput.print(out, events.stream().map(BlameCommand::json).toList());
            return 0;
        }
        if (events.isEmpty()) {
            out.printf("%s never appeared in the %d views of graph %s%n", coordinate, history.size(), options.graph());
            out.flush();
            return 0;
        }
        Table table = Table.of("VERSION", "COMPOSED", "WHAT", "EVENT", "INSTANCE", "DEPLOY", "OFFSET");
        events.forEach(e -> table.row(e.version(), e.composedAt(), e.what(), e.kind(), e.key(), e.deploy(), e.offset()));
        table.print(out);
        return 0;
    }

    private static Map<String, Object> json(Blame.Event e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", e.version());
        event.put("composedAt", e.composedAt().toString());
        event.put("what", e.what());
        event.put("event", e.kind().name());
        event.put("key", e.key());
        event.put("deploy", e.deploy());
        event.put("offset", e.offset());
        return event;
    }
}
