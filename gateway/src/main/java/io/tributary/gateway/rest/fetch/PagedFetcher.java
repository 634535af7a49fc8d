package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.rest.client.ServiceTarget;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code coursesPaged(page, pageSize)}: one page of a paged finder or GET_ALL, with {@code pageCount} and {@code totalCount}. */
public final class PagedFetcher extends RouteFetcher {
    private final ServiceTarget target;
    private final OperationTemplate operation;
    private final Map<String, String> bindings;
    private final Projection projection;

    public PagedFetcher(ServiceTarget target, OperationTemplate operation, Map<String, String> bindings, Projection projection) {
        super(FieldRoute.Shape.PAGED);
        this.target = target;
        this.operation = operation;
        this.bindings = bindings;
        this.projection = projection;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        PagedCall call = new PagedCall(RequestScope.of(env), target, operation, values(env, bindings), projection.fields(env));
        return Pages.fetch(call, Pages.page(env), Pages.pageSize(env));
    }
}
