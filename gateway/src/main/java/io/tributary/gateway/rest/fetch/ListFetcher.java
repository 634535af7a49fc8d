package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.rest.client.ServiceTarget;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code coursesByInstructorId(instructorId)}, {@code searchCourses(query)}, {@code partners}: a finder's or GET_ALL's elements, pages followed up to the list bound. */
public final class ListFetcher extends RouteFetcher {
    private final ServiceTarget target;
    private final OperationTemplate operation;
    private final Map<String, String> bindings;
    private final Projection projection;
    private final int bound;

    public ListFetcher(ServiceTarget target, OperationTemplate operation, Map<String, String> bindings, Projection projection, int bound) {
        super(FieldRoute.Shape.LIST);
        this.target = target;
        this.operation = operation;
        this.bindings = bindings;
        this.projection = projection;
        this.bound = bound;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        return new PagedCall(RequestScope.of(env), target, operation, values(env, bindings), projection.fields(env)).all(bound);
    }
}
