package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.rest.client.DownstreamException;
import io.tributary.gateway.rest.client.RestRequest;
import io.tributary.gateway.rest.client.ServiceTarget;
import io.tributary.gateway.rest.fetch.OperationTemplate.QueryParam;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code courseCreate}, {@code courseUpdate}, {@code courseUpdateTitle}, {@code courseArchive} (and a GET that cannot
 * be batched by id): one call answering the element the service returns; mutations are never batched or shared. A
 * whole-record body without its key gets the id of the path, so {@code courseUpdate(id, input)} needs no id in its
 * input. A 404 is null with a NOT_FOUND error.
 */
public final class OneCallFetcher extends RouteFetcher {
    private final ServiceTarget target;
    private final OperationTemplate operation;
    private final Map<String, String> bindings;
    private final Projection projection;
    private final String resource;
    private final String keyField;

    public OneCallFetcher(ServiceTarget target, OperationTemplate operation, Map<String, String> bindings, Projection projection,
                    String resource, String keyField) {
        super(FieldRoute.Shape.SINGLE);
        this.target = target;
        this.operation = operation;
        this.bindings = bindings;
        this.projection = projection;
        this.resource = resource;
        this.keyField = keyField;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        Map<String, Object> values = values(env, bindings);
        withKey(values);
        List<String> fields = projection.fields(env);
        RestRequest request = operation.request(values, fields == null ? List.of() : List.of(QueryParam.list("fields", fields)));
        return RequestScope.of(env).send(target, request).thenApply(response -> {
            if (response.isNotFound()) {
                Object id = operation.pathParameter() == null ? null : values.get(operation.pathParameter());
                return Failures.result(env, null, id != null ? DownstreamException.notFound(target.service(), resource, id)
                        : DownstreamException.status(target.service(), request.method(), URI.create(request.target()), 404, ""));
            }
            return operation.envelope().element(response.json());
        });
    }

    private void withKey(Map<String, Object> values) {
        String body = operation.wholeBodyParameter();
        String path = operation.pathParameter();
        if (body != null && path != null && values.get(body) instanceof Map<?, ?> input && !input.containsKey(keyField)
                && values.get(path) != null) {
            Map<Object, Object> keyed = new LinkedHashMap<>(input);
            keyed.put(keyField, values.get(path));
            values.put(body, keyed);
        }
    }
}
