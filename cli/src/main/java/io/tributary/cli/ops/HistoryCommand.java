package io.tributary.cli.ops;

import io.tributary.diff.SchemaChange;
import io.tributary.usage.DeployCheck;
import io.tributary.usage.OperationTotal;
import io.tributary.usage.UsageImpact;
import io.tributary.usage.UsageWindow;
import io.tributary.view.Blame;
import io.tributary.view.SchemaView;
import java.io.PrintWriter;
import java.time.Duration;
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

/**
 * {@code tributary history}: the timeline of views, each with its cause, how many changes of each kind it made, and
 * for a breaking view the operations it broke: those clients sent in the days before it that validated against the
 * view before and do not against it (from the usage topic, by the hour).
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the views: version, time, cause, classified changes, operations clients sent that each broke.")
public final class HistoryCommand implements Callable<Integer> {
    @Mixin
    GraphOptions options;
    @Option(names = "--since", paramLabel = "TIME", description = "Only views composed at or after this instant (ISO-8601).")
    String since;
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;
    @Option(names = "--usage-days", defaultValue = "7", paramLabel = "N",
            description = "How many days of usage before a view count for the operations it broke (default: ${DEFAULT-VALUE}).")
    int usageDays;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (usageDays < 1) {
            throw new OperatorException("--usage-days must be at least 1, was " + usageDays);
        }
        PrintWriter out = spec.commandLine().getOut();
        Instant from = since == null ? Instant.EPOCH : Views.instant(since);
        List<SchemaView> history = ClusterState.history(options.kafka(), options.graph());
        UsageWindow usage;
        try (TopicLog log = new TopicLog(options.kafka().clientProperties())) {
            usage = UsageLog.read(log, options.kafka().topics(), options.graph()).orElseGet(() -> new UsageWindow(options.graph()));
        }
        SchemaView previous = null;
        Table table = Table.of("VERSION", "COMPOSED", "EVENT", "INSTANCE", "DEPLOY", "BREAKING", "DANGEROUS", "SAFE", "BROKE");
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        List<String> brokeLines = new java.util.ArrayList<>();
        for (SchemaView view : history) {
            if (!view.composedAt().isBefore(from)) {
                String deploy = deploy(view, previous);
                List<UsageImpact.BrokenOperation> broke = broke(previous, view, usage);
                table.row(view.version(), view.composedAt(), view.cause().kind(), view.cause().key(), deploy,
                        count(view, SchemaChange.Level.BREAKING), count(view, SchemaChange.Level.DANGEROUS), count(view, SchemaChange.Level.SAFE),
                        broke.size());
                broke.forEach(b -> brokeLines.add("view " + view.version() + " broke " + DeployCheck.name(b.operation()) + " ("
                        + DeployCheck.clients(b.operation()) + "): " + b.reasons().getFirst()));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("version", view.version());
                row.put("composedAt", view.composedAt().toString());
                row.put("event", view.cause().kind().name());
                row.put("key", view.cause().key());
                row.put("deploy", deploy);
                row.put("changes", view.changes().stream().map(c -> Map.of("level", c.level().name(), "coordinate", c.coordinate(),
                        "category", c.category(), "message", c.message())).toList());
                row.put("brokenOperations", broke.stream().map(DeployCheck::broken).toList());
                rows.add(row);
            }
            previous = view;
        }
        if (json) {
            JsonOutput.print(out, rows);
        } else {
            table.print(out);
            brokeLines.forEach(out::println);
        }
        return 0;
    }

    /** The operations clients sent in the days before a breaking view that it broke. */
    private List<UsageImpact.BrokenOperation> broke(SchemaView previous, SchemaView view, UsageWindow usage) {
        if (previous == null || view.changes().stream().noneMatch(c -> c.level() == SchemaChange.Level.BREAKING)) {
            return List.of();
        }
        List<OperationTotal> seen = usage.totals(view.composedAt().minus(Duration.ofDays(usageDays)), view.composedAt());
        return UsageImpact.broken(previous.sdl(), view.sdl(), seen);
    }

    private static long count(SchemaView view, SchemaChange.Level level) {
        return view.changes().stream().filter(c -> c.level() == level).count();
    }

    /** The deploy version of the instance the event was about: in this view, or in the one before if it left. */
    static String deploy(SchemaView view, SchemaView previous) {
        return Blame.deploy(view, previous);
    }
}
