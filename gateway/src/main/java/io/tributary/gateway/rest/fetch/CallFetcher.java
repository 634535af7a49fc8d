package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.rest.client.DownstreamException;
import io.tributary.gateway.rest.client.RestRequest;
import io.tributary.gateway.rest.client.ServiceTarget;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An operation field ({@code userLogin}, {@code storeInventory}): one call whose answer is the field's value as the
 * service wrote it; a call that answers no content is true. Never batched or shared: such an operation may change
 * something even when it is a GET. A 404 is null with an error naming the status.
 */
public final class CallFetcher extends RouteFetcher {
    private final ServiceTarget target;
    private final OperationTemplate operation;
    private final Map<String, String> bindings;
    private final boolean answersNothing;

    public CallFetcher(ServiceTarget target, OperationTemplate operation, Map<String, String> bindings, boolean answersNothing) {
        super(FieldRoute.Shape.SINGLE);
        this.target = target;
        this.operation = operation;
        this.bindings = bindings;
        this.answersNothing = answersNothing;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        RestRequest request = operation.request(values(env, bindings), List.of());
        return RequestScope.of(env).send(target, request).thenApply(response -> {
            if (response.isNotFound()) {
                return Failures.result(env, null, DownstreamException.status(target.service(), request.method(),
                        URI.create(request.target()), 404, ""));
            }
            if (answersNothing) {
                return true;
            }
            return operation.envelope().value(response.json());
        });
    }
}
