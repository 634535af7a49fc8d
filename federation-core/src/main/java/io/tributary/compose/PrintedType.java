package io.tributary.compose;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLModifiedType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnionType;
import java.util.Set;
import java.util.TreeSet;

/**
 * One named type of a composed schema with its SDL, printed once, and the names of the types it refers to (its
 * fields' and arguments' types, interfaces, union members): the schema's SDL is these texts in the printer's order,
 * and a diff needs only the types that changed and those that reach them.
 */
public record PrintedType(GraphQLNamedType type, String sdl, Set<String> refs) {

    public PrintedType {
        refs = Set.copyOf(refs);
    }

    static PrintedType of(GraphQLNamedType type) {
        return new PrintedType(type, SdlPrinter.print(type), refs(type));
    }

    public String name() {
        return type.getName();
    }

    private static Set<String> refs(GraphQLNamedType type) {
        Set<String> refs = new TreeSet<>();
        if (type instanceof GraphQLFieldsContainer container) {
            container.getFieldDefinitions().forEach(field -> refs.addAll(refs(field)));
        }
        if (type instanceof GraphQLObjectType object) {
            object.getInterfaces().forEach(i -> refs.add(i.getName()));
        }
        if (type instanceof GraphQLInterfaceType face) {
            face.getInterfaces().forEach(i -> refs.add(i.getName()));
        }
        if (type instanceof GraphQLUnionType union) {
            union.getTypes().forEach(t -> refs.add(t.getName()));
        }
        if (type instanceof GraphQLInputObjectType input) {
            input.getFieldDefinitions().forEach(field -> refs.add(name(field.getType())));
        }
        return refs;
    }

    /** The names a field refers to: its type's and its arguments'. */
    static Set<String> refs(GraphQLFieldDefinition field) {
        Set<String> refs = new TreeSet<>();
        refs.add(name(field.getType()));
        for (GraphQLArgument argument : field.getArguments()) {
            refs.add(name(argument.getType()));
        }
        return refs;
    }

    /** The name of the named type inside list and non-null wrappers; also of a type reference, unlike graphql-java's unwrapAll. */
    static String name(GraphQLType type) {
        GraphQLType unwrapped = type;
        while (unwrapped instanceof GraphQLModifiedType modified) {
            unwrapped = modified.getWrappedType();
        }
        return ((GraphQLNamedType) unwrapped).getName();
    }
}
