package io.tributary.cli.ops;

import io.tributary.diff.SchemaChange;
import io.tributary.diff.SchemaChanges;
import io.tributary.view.SchemaView;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tributary diff A B}: the classified schema difference between two points, view versions or instants. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Classified schema changes from A to B (view versions or ISO instants).")
public final class DiffCommand implements Callable<Integer> {
    @Mixin
    GraphOptions options;
    @Parameters(index = "0", paramLabel = "A", description = "From: a view version or an instant.")
    String from;
    @Parameters(index = "1", paramLabel = "B", description = "To: a view version or an instant.")
    String to;
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<SchemaView> history = ClusterState.history(options.kafka(), options.graph());
        SchemaView a = Views.at(history, from);
        SchemaView b = Views.at(history, to);
        List<SchemaChange> changes = SchemaChanges.between(a.sdl(), b.sdl());
        if (json) {
            JsonOutput.print(out, Map.of(
                    "from", a.version(), "to", b.version(), "changes", changes.stream().map(c -> Map.of("level", c.level().name(),
                            "category", c.category(), "coordinate", c.coordinate(), "message", c.message())).toList()));
            return 0;
        }
        out.printf("From view %d (%s) to view %d (%s): %d changes%n", a.version(), a.composedAt(), b.version(), b.composedAt(), changes.size());
        Table table = Table.of("LEVEL", "CATEGORY", "COORDINATE", "MESSAGE");
        changes.forEach(c -> table.row(c.level(), c.category(), c.coordinate(), c.message()));
        table.print(out);
        return 0;
    }
}
