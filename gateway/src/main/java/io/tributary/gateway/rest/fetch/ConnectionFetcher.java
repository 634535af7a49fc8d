package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.rest.client.ServiceTarget;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code coursesConnection(first, after, last, before)}: a Relay connection over a paged finder or GET_ALL. */
public final class ConnectionFetcher extends RouteFetcher {
    private final ServiceTarget target;
    private final OperationTemplate operation;
    private final Map<String, String> bindings;
    private final Projection projection;
    private final int bound;

    public ConnectionFetcher(ServiceTarget target, OperationTemplate operation, Map<String, String> bindings, Projection projection, int bound) {
        super(FieldRoute.Shape.CONNECTION);
        this.target = target;
        this.operation = operation;
        this.bindings = bindings;
        this.projection = projection;
        this.bound = bound;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        Connections.Window window = new Connections.Window(env.getArgument("first"), env.getArgument("after"),
                env.getArgument("last"), env.getArgument("before"));
        PagedCall call = new PagedCall(RequestScope.of(env), target, operation, values(env, bindings), projection.fields(env));
        return Connections.fetch(call, window, bound);
    }
}
