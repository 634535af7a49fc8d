package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.rest.client.ServiceTarget;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code courseDelete(id)}: true when the service deleted it (2xx), false when there was none (404). */
public final class DeleteFetcher extends RouteFetcher {
    private final ServiceTarget target;
    private final OperationTemplate operation;
    private final Map<String, String> bindings;

    public DeleteFetcher(ServiceTarget target, OperationTemplate operation, Map<String, String> bindings) {
        super(FieldRoute.Shape.SINGLE);
        this.target = target;
        this.operation = operation;
        this.bindings = bindings;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        return RequestScope.of(env).send(target, operation.request(values(env, bindings), List.of()))
                .thenApply(response -> !response.isNotFound());
    }
}
