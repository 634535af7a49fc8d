package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.rest.client.ServiceTarget;
import io.tributary.gateway.rest.fetch.ResourceFetch.ById;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * {@code courses(ids)}: the elements with these ids, in the order asked, unknown ids left out, through the
 * resource's loader. Without ids, every element up to the list bound from the resource's GET_ALL, if it has one.
 */
public final class MultiGetFetcher extends RouteFetcher {
    private final ResourceFetch resource;
    private final String idsArgument;
    private final Projection projection;
    private final ServiceTarget target;
    private final OperationTemplate getAll;
    private final int bound;

    public MultiGetFetcher(ResourceFetch resource, String idsArgument, Projection projection, OperationTemplate getAll, int bound) {
        super(FieldRoute.Shape.LIST);
        this.resource = resource;
        this.idsArgument = idsArgument;
        this.projection = projection;
        this.target = resource.target();
        this.getAll = getAll;
        this.bound = bound;
    }

    @Override
    @SuppressWarnings("unchecked")
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        List<Object> ids = env.getArgument(idsArgument);
        List<String> fields = projection.fields(env);
        if (ids == null) {
            if (getAll == null) {
                throw new InvalidArgumentException("'" + idsArgument + "' is required: " + resource.resource() + " cannot list all its elements");
            }
            return new PagedCall(RequestScope.of(env), target, getAll, Map.of(), getAll.projection() ? fields : null).all(bound);
        }
        List<ById> keys = new ArrayList<>(ids.size());
        for (Object id : ids) {
            keys.add(new ById(String.valueOf(id), fields));
        }
        DataLoader<ById, Map<String, Object>> loader = RequestScope.loader(env, ResourceFetch.loaderName(resource.resource()));
        return loader.loadMany(keys).thenApply(found -> found.stream().filter(Objects::nonNull).toList());
    }
}
