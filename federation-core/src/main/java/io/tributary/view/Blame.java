package io.tributary.view;

import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.tributary.diff.SchemaChange;
import io.tributary.fold.LiveInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The views of a history that introduced, changed and removed a type or a field, each with the event that caused it
 * and the deploy it was about: one answer to "why did Course.durationMinutes disappear at 02:14?" for the
 * {@code blame} command and the console alike.
 */
public final class Blame {

    /** One view that touched the coordinate: {@code what} is INTRODUCED, REMOVED or {@code CHANGED (category)}. */
    public record Event(long version, Instant composedAt, String what, Cause.EventKind kind, String key, String deploy, long offset) {
    }

    private Blame() {
    }

    /** The events of the history (in version order) that touched {@code coordinate} ({@code Type} or {@code Type.field}). */
    public static List<Event> of(List<SchemaView> history, String coordinate) {
        List<Event> events = new ArrayList<>();
        boolean present = false;
        SchemaView previous = null;
        for (SchemaView view : history) {
            boolean now = contains(view.sdl(), coordinate);
            String what = !present && now ? "INTRODUCED" : present && !now ? "REMOVED" : present ? changed(view, coordinate) : null;
            if (what != null) {
                events.add(new Event(view.version(), view.composedAt(), what, view.cause().kind(), view.cause().key(),
                        deploy(view, previous), view.cause().offset()));
            }
            present = now;
            previous = view;
        }
        return events;
    }

    /** Whether the schema has the type, or the type and its field. */
    public static boolean contains(String sdl, String coordinate) {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
        String[] parts = coordinate.split("\\.", 2);
        GraphQLNamedType type = schema.getType(parts[0]) instanceof GraphQLNamedType named ? named : null;
        if (type == null || parts.length == 1) {
            return type != null;
        }
        return type instanceof GraphQLFieldsContainer fields && fields.getFieldDefinition(parts[1]) != null;
    }

    /** The deploy version of the instance the view's event was about: in this view, or in the one before if it left. */
    public static String deploy(SchemaView view, SchemaView previous) {
        String key = view.cause().key();
        if (key == null || !key.contains("/")) {
            return "";
        }
        String service = key.substring(0, key.indexOf('/'));
        String instance = key.substring(key.indexOf('/') + 1);
        return instanceVersion(view, service, instance)
                .or(() -> previous == null ? Optional.empty() : instanceVersion(previous, service, instance))
                .orElse("");
    }

    private static String changed(SchemaView view, String coordinate) {
        return view.changes().stream().filter(c -> c.coordinate().equals(coordinate) && c.level() != SchemaChange.Level.SAFE)
                .map(c -> "CHANGED (" + c.category() + ")").findFirst().orElse(null);
    }

    private static Optional<String> instanceVersion(SchemaView view, String service, String instance) {
        return view.services().stream().filter(s -> s.service().equals(service))
                .flatMap(s -> s.instances().stream())
                .filter(i -> i.instanceId().equals(instance))
                .map(LiveInstance::serviceVersion)
                .findFirst();
    }
}
