package io.tributary.usage;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which operations clients sent a schema change breaks: each seen operation's normalized document is validated
 * against the schema before and after the change, and one that validated before and does not after is broken, with
 * graphql-java's reasons. An operation that did not validate before (sent against an older view) is not counted:
 * the change did not break it.
 */
public final class UsageImpact {
    private UsageImpact() {
    }

    /** A seen operation a change breaks, and why it no longer validates. */
    public record BrokenOperation(OperationTotal operation, List<String> reasons) {
        public BrokenOperation {
            reasons = List.copyOf(reasons);
        }
    }

    /** The operations of {@code seen} that validate against {@code beforeSdl} and not against {@code afterSdl}, in the order given. */
    public static List<BrokenOperation> broken(String beforeSdl, String afterSdl, List<OperationTotal> seen) {
        if (seen.isEmpty() || beforeSdl.equals(afterSdl)) {
            return List.of();
        }
        GraphQLSchema before = schema(beforeSdl);
        GraphQLSchema after = schema(afterSdl);
        List<BrokenOperation> broken = new ArrayList<>();
        for (OperationTotal operation : seen) {
            if (validate(before, operation.document()).isEmpty()) {
                List<String> reasons = validate(after, operation.document());
                if (!reasons.isEmpty()) {
                    broken.add(new BrokenOperation(operation, reasons));
                }
            }
        }
        return List.copyOf(broken);
    }

    /** Every field coordinate ({@code Type.field}) of the schema's object and interface types, introspection left out, sorted. */
    public static List<String> fieldCoordinates(String sdl) {
        TreeSet<String> coordinates = new TreeSet<>();
        schema(sdl).getAllTypesAsList().stream()
                .filter(t -> t instanceof GraphQLFieldsContainer && !t.getName().startsWith("__"))
                .map(GraphQLFieldsContainer.class::cast)
                .forEach(t -> t.getFieldDefinitions().forEach(f -> coordinates.add(t.getName() + "." + f.getName())));
        return List.copyOf(coordinates);
    }

    private static GraphQLSchema schema(String sdl) {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }

    private static List<String> validate(GraphQLSchema schema, String document) {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema, ExecutionInput.newExecutionInput().query(document).build());
        return result.getErrors().stream().map(GraphQLError::getMessage).toList();
    }
}
