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
 * {@code Repository.parent} calling the operation field {@code getRepository(username = $owner.username, slug =
 * $parentSlug)}: one GET per parent, its arguments taken from the parent, answering what the operation answers. Not
 * batched (an operation field has no batch form); equal calls within a request are made once, as every GET is. A
 * parent lacking a value the call needs answers null without a call; a 404 is null with an error naming the status.
 */
public final class CallRelationFetcher extends RouteFetcher {
    private final ServiceTarget target;
    private final OperationTemplate operation;
    private final Map<String, String> arguments;
    private final boolean answersNothing;

    public CallRelationFetcher(ServiceTarget target, OperationTemplate operation, Map<String, String> arguments, boolean answersNothing) {
        super(FieldRoute.Shape.SINGLE);
        this.target = target;
        this.operation = operation;
        this.arguments = arguments;
        this.answersNothing = answersNothing;
    }

    /** The parent's properties the call's arguments read. */
    public static List<String> needs(Map<String, String> arguments) {
        return ParentArguments.needs(arguments);
    }

    @Override
    boolean sendsCalls() {
        return true;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        Map<String, Object> values = ParentArguments.of(arguments, env.getSource());
        if (values == null) {
            return CompletableFuture.completedFuture(null);
        }
        RestRequest request = operation.request(values, List.of());
        return RequestScope.of(env).send(target, request).thenApply(response -> {
            if (response.isNotFound()) {
                return Failures.result(env, null, DownstreamException.status(target.service(), request.method(),
                        URI.create(request.target()), 404, ""));
            }
            return answersNothing ? true : operation.envelope().value(response.json());
        });
    }
}
