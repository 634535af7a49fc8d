package io.tributary.cli.ops;

import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.tributary.diff.SchemaChange;
import io.tributary.view.SchemaView;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code tributary blame} finds in a schema history: the views that introduced, changed (in a way clients
 * notice) and removed a field or a type, with the event that caused each. Apart from the command, so tests drive it
 * with views rather than a cluster.
 */
final class Blame {

    /** One view that made a difference to the coordinate. */
    record Event(long version, String composedAt, String what, String event, String key, String deploy, long offset) {
    }

    private Blame() {
    }

    /** The events, oldest first, of {@code coordinate} (Type.field, or Type) in the history. */
    static List<Event> of(List<SchemaView> history, String coordinate) {
        List<Event> events = new ArrayList<>();
        boolean present = false;
        SchemaView previous = null;
        for (SchemaView view : history) {
            boolean now = contains(view.sdl(), coordinate);
            String what = !present && now ? "INTRODUCED" : present && !now ? "REMOVED" : present ? changed(view, coordinate) : null;
            if (what != null) {
                events.add(new Event(view.version(), view.composedAt().toString(), what, view.cause().kind().name(),
                        view.cause().key(), HistoryCommand.deploy(view, previous), view.cause().offset()));
            }
            present = now;
            previous = view;
        }
        return events;
    }

    private static String changed(SchemaView view, String coordinate) {
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
