package io.tributary.cli.ops;

import io.tributary.diff.SchemaChange;
import io.tributary.view.Blame;
import io.tributary.view.SchemaView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tributary history}: the timeline of views, each with its cause and how many changes of each kind it made. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List the views: version, time, cause, classified changes.")
public final class HistoryCommand implements Callable<Integer> {
    @Mixin
    GraphOptions options;
    @Option(names = "--since", paramLabel = "TIME", description = "Only views composed at or after this instant (ISO-8601).")
    String since;
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Instant from = since == null ? Instant.EPOCH : Views.instant(since);
        List<SchemaView> history = ClusterState.history(options.kafka(), options.graph());
        SchemaView previous = null;
        Table table = Table.of("VERSION", "COMPOSED", "EVENT", "INSTANCE", "DEPLOY", "BREAKING", "DANGEROUS", "SAFE");
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (SchemaView view : history) {
            if (!view.composedAt().isBefore(from)) {
                String deploy = deploy(view, previous);
                table.row(view.version(), view.composedAt(), view.cause().kind(), view.cause().key(), deploy,
                        count(view, SchemaChange.Level.BREAKING), count(view, SchemaChange.Level.DANGEROUS), count(view, SchemaChange.Level.SAFE));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("version", view.version());
                row.put("composedAt", view.composedAt().toString());
                row.put("event", view.cause().kind().name());
                row.put("key", view.cause().key());
                row.put("deploy", deploy);
                row.put("changes", view.changes().stream().map(c -> Map.of("level", c.level().name(), "coordinate", c.coordinate(),
                        "category", c.category(), "message", c.message())).toList());
                rows.add(row);
            }
            previous = view;
        }
        if (json) {
            JsonOutput.print(out, rows);
        } else {
            table.print(out);
        }
        return 0;
    }

    private static long count(SchemaView view, SchemaChange.Level level) {
        return view.changes().stream().filter(c -> c.level() == level).count();
    }

    /** The deploy version of the instance the event was about: in this view, or in the one before if it left. */
    static String deploy(SchemaView view, SchemaView previous) {
        return Blame.deploy(view, previous);
    }
}
