package io.tributary.gateway.schema;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.validation.ValidationError;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.RestResolution;
import io.tributary.view.SchemaView;
import java.time.Instant;
import java.util.List;

/**
 * A view made executable: the graphql-java engine for its schema, the REST resolution its fields use, and when
 * this gateway applied it. A request runs entirely on the graph it started with.
 */
public record ExecutableGraph(SchemaView view, GraphQL graphQL, RestResolution resolution, Instant appliedAt,
                              RecentOperations recentOperations) {

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
        if (result.getErrors().stream().noneMatch(e -> e instanceof ValidationError || e instanceof graphql.InvalidSyntaxError)) {
            recentOperations.record(request.query(), request.operationName());
        }
        return result;
    }

    /** The reasons this graph's schema rejects the operation; empty when it validates. */
    public List<String> validate(RecentOperations.Operation operation) {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(graphQL.getGraphQLSchema(),
                ExecutionInput.newExecutionInput().query(operation.query()).operationName(operation.operationName()).build());
        return result.getErrors().stream().map(GraphQLError::getMessage).toList();
    }
}
