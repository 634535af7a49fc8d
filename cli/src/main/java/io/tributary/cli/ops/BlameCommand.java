package io.tributary.cli.ops;

import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.tributary.diff.SchemaChange;
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
        List<Map<String, Object>> events = new ArrayList<>();
        boolean present = false;
        SchemaView previous = null;
        for (SchemaView view : history) {
            boolean now = contains(view.sdl(), coordinate);
            String what = !present && now ? "INTRODUCED" : present && !now ? "REMOVED" : present ? changed(view) : null;
            if (what != null) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("version", view.version());
                event.put("composedAt", view.composedAt().toString());
                event.put("what", what);
                event.put("event", view.cause().kind().name());
                event.put("key", view.cause().key());
                event.put("deploy", HistoryCommand.deploy(view, previous));
                event.put("offset", view.cause().offset());
                events.add(event);
            }
            present = now;
            previous = view;
        }
        if (json) {
            JsonOutput.print(out, events);
            return 0;
        }
        if (events.isEmpty()) {
            out.printf("%s never appeared in the %d views of graph %s%n", coordinate, history.size(), options.graph());
            out.flush();
            return 0;
        }
        Table table = Table.of("VERSION", "COMPOSED", "WHAT", "EVENT", "INSTANCE", "DEPLOY", "OFFSET");
        events.forEach(e -> table.row(e.get("version"), e.get("composedAt"), e.get("what"), e.get("event"), e.get("key"),
                e.get("deploy"), e.get("offset")));
        table.print(out);
        return 0;
    }

    private String changed(SchemaView view) {
        return view.changes().stream().filter(c -> c.coordinate().equals(coordinate) && c.level() != SchemaChange.Level.SAFE)
                .map(c -> "CHANGED (" + c.category() + ")").findFirst().orElse(null);
    }

    static boolean contains(String sdl, String coordinate) {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
        String[] parts = coordinate.split("\\.", 2);
        GraphQLNamedType type = schema.getType(parts[0]) instanceof GraphQLNamedType named ? named : null;
        if (type == null || parts.length == 1) {
            return type != null;
        }
        return type instanceof GraphQLFieldsContainer fields && fields.getFieldDefinition(parts[1]) != null;
    }
}
