package io.tributary.compose;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.Set;

/**
 * One field of a root type (Query, Mutation) with its SDL lines, printed once, and the names of the types it refers
 * to: a root type holds every service's fields, so it is printed from these rather than as a whole.
 */
public record PrintedField(GraphQLFieldDefinition field, String sdl, Set<String> refs) {
    private static final String HEAD = "type F {\n";
    private static final String TAIL = "}\n\n";

    public PrintedField {
        refs = Set.copyOf(refs);
    }

    static PrintedField of(GraphQLFieldDefinition field) {
        String printed = SdlPrinter.print(GraphQLObjectType.newObject().name("F").field(field).build());
        if (!printed.startsWith(HEAD) || !printed.endsWith(TAIL)) {
            throw new IllegalStateException("graphql-java printed a field in an unexpected shape: " + printed.replace("\n", "\\n"));
        }
        return new PrintedField(field, printed.substring(HEAD.length(), printed.length() - TAIL.length()), PrintedType.refs(field));
    }

    public String name() {
        return field.getName();
    }
}
