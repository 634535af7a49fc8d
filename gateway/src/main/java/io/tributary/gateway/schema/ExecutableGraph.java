package io.tributary.gateway.schema;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.AbortExecutionException;
import graphql.introspection.GoodFaithIntrospection;
import graphql.validation.ValidationError;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.plan.RestResolution;
import io.tributary.view.SchemaView;
import java.time.Instant;
import java.util.List;

/**
 * A view made executable: the graphql-java engine for its schema, the REST resolution its fields use, and when
 * this gateway applied it. A request runs entirely on the graph it started with. It keeps its SDL's definitions
 * (null when the SDL could not be cut into them) for the next view's build to reuse.
 */
public record ExecutableGraph(SchemaView view, GraphQL graphQL, RestResolution resolution, Instant appliedAt,
                              RecentOperations recentOperations, SdlDefinitions definitions) {

    /** Executes one request, with its own data loaders (batching happens within a request, never across). */
    public ExecutionResult execute(GatewayRequest request) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .graphQLContext(context -> context.put(GatewayRequest.class, request))
                .dataLoaderRegistry(resolution.newRequestRegistry(request))
                .build();
        ExecutionResult result = graphQL.execute(input);
        if (executed(result)) {
            recentOperations.record(request.query(), request.operationName());
        }
        return result;
    }

    /**
     * Whether the operation validated and ran: its fields were reached (there is data, even if null), and nothing
     * refused it: no syntax or validation error, no limit, no bad-faith introspection, no aborted execution. Only such
     * operations are remembered to warm the next view with; a request the gateway refused must not weigh on it.
     */
    static boolean executed(ExecutionResult result) {
        return result.isDataPresent() && result.getErrors().stream().noneMatch(ExecutableGraph::refusal);
    }

    private static boolean refusal(GraphQLError error) {
        return error instanceof ValidationError || error instanceof InvalidSyntaxError || error instanceof AbortExecutionException
                || error instanceof GoodFaithIntrospection.BadFaithIntrospectionError
                || error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax
                || error.getErrorType() == ErrorType.ExecutionAborted;
    }

    /** The reasons this graph's schema rejects the operation; empty when it validates. */
    public List<String> validate(RecentOperations.Operation operation) {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(graphQL.getGraphQLSchema(),
                ExecutionInput.newExecutionInput().query(operation.query()).operationName(operation.operationName()).build());
        return result.getErrors().stream().map(GraphQLError::getMessage).toList();
    }
}
