package io.tributary.operations;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.List;

/**
 * Checks GraphQL documents against one composed schema, as a gateway serving it would before running them: what
 * {@code tributary operations register} refuses to register. Built once per schema, used for many documents.
 */
public final class OperationValidator {
    private final GraphQLSchema schema;

    public OperationValidator(String sdl) {
        this.schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }

    /** Why the schema does not run this document; empty when every operation in it validates. */
    public List<String> problems(String document) {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema, ExecutionInput.newExecutionInput(document).build());
        if (result.isFailure()) {
            return result.getErrors().stream().map(GraphQLError::getMessage).toList();
        }
        if (result.getDocument().getDefinitionsOfType(OperationDefinition.class).isEmpty()) {
            return List.of("the document has no operation");
        }
        return List.of();
    }
}
