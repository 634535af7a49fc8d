package io.tributary.gateway.schema;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.RestResolution;
import io.tributary.view.SchemaView;
import java.time.Instant;

/**
 * A view made executable: the graphql-java engine for its schema, the REST resolution its fields use, and when
 * this gateway applied it. A request runs entirely on the graph it started with.
 */
public record ExecutableGraph(SchemaView view, GraphQL graphQL, RestResolution resolution, Instant appliedAt) {

    /** Executes one request, with its own data loaders (batching happens within a request, never across). */
    public ExecutionResult execute(GatewayRequest request) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .graphQLContext(context -> context.put(GatewayRequest.class, request))
                .dataLoaderRegistry(resolution.newRequestRegistry(request))
                .build();
        return graphQL.execute(input);
    }
}
