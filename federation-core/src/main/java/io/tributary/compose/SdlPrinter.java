package io.tributary.compose;

import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * Prints schemas the one canonical way (types and fields sorted, only {@code @deprecated} among directives), so the
 * same graph always gives the same SDL and hash, however it was built.
 */
public final class SdlPrinter {
    private static final SchemaPrinter PRINTER = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeDirectives("deprecated"::equals)
            .includeDirectiveDefinitions(false)
            .includeSchemaDefinition(false));

    private SdlPrinter() {
    }

    public static String print(GraphQLSchema schema) {
        return PRINTER.print(schema);
    }

    /**
     * Prints one type as {@link #print(GraphQLSchema)} prints it within a schema: followed by a blank line, which
     * graphql-java trims from a type printed alone (as it trims the last one of a schema).
     */
    public static String print(GraphQLNamedType type) {
        String printed = PRINTER.print(type);
        if (!printed.endsWith("\n")) {
            throw new IllegalStateException("graphql-java printed type " + type.getName() + " in an unexpected shape: " + printed);
        }
        return printed + "\n";
    }

    /** Parses and validates SDL into a schema; throws when the SDL is not a valid schema. */
    public static GraphQLSchema parse(String sdl) {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }
}
