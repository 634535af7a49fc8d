package io.tributary.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.request.Caller;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.GraphHolder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /graphql}: runs a GraphQL request on the graph served when it arrived; a swap during the request
 * does not affect it.
 */
@Controller
@Requires(env = Gateway.ENVIRONMENT)
public class GraphQLController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphHolder holder;

    public GraphQLController(GraphHolder holder) {
        this.holder = holder;
    }

    @Post(uri = "/graphql", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> post(@Body String body) throws JsonProcessingException {
        Optional<ExecutableGraph> graph = holder.current();
        if (graph.isEmpty()) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "No schema is loaded yet: the gateway has not received a view.");
        }
        GraphQLRequest request;
        try {
            request = GraphQLRequest.parse(JSON, body);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return error(HttpStatus.BAD_REQUEST, "Malformed GraphQL request: " + e.getMessage());
        }
        ExecutionResult result = graph.get().execute(new GatewayRequest(request.query(), request.operationName(),
                request.variables(), Map.of(), Caller.ANONYMOUS));
        return HttpResponse.ok(JSON.writeValueAsString(result.toSpecification()));
    }

    private static HttpResponse<String> error(HttpStatus status, String message) throws JsonProcessingException {
        return HttpResponse.<String>status(status)
                .body(JSON.writeValueAsString(Map.of("errors", List.of(Map.of("message", message)))));
    }
}
