package io.tributary.cli.ops;

import io.tributary.view.Blame;
import io.tributary.view.SchemaView;
import java.io.PrintWriter;
import java.util.ArrayList;
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
    KafkaOptions kafka;
    @Parameters(index = "0", paramLabel = "Type.field", description = "A field coordinate such as Course.durationMinutes, or a type.")
    String coordinate;
    @Option(names = "--graph", defaultValue = "default", description = "The graph (default: ${DEFAULT-VALUE}).")
    String graph;
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<SchemaView> history = ClusterState.history(kafka, graph);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Blame.Event blamed : Blame.of(history, coordinate)) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("version", blamed.version());
            event.put("composedAt", blamed.composedAt().toString());
            event.put("what", blamed.what());
            event.put("event", blamed.kind().name());
            event.put("key", blamed.key());
            event.put("deploy", blamed.deploy());
            event.put("offset", blamed.offset());
            events.add(event);
        }
        if (json) {
            JsonOutput.print(out, events);
            return 0;
        }
        if (events.isEmpty()) {
            out.printf("%s never appeared in the %d views of graph %s%n", coordinate, history.size(), graph);
            out.flush();
            return 0;
        }
        Table table = Table.of("VERSION", "COMPOSED", "WHAT", "EVENT", "INSTANCE", "DEPLOY", "OFFSET");
        events.forEach(e -> table.row(e.get("version"), e.get("composedAt"), e.get("what"), e.get("event"), e.get("key"),
                e.get("deploy"), e.get("offset")));
        table.print(out);
        return 0;
    }
}
