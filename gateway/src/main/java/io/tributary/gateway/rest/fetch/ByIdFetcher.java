package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.rest.client.DownstreamException;
import io.tributary.gateway.rest.fetch.ResourceFetch.ById;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** {@code course(id)}: one element through its resource's loader, so the ids of one level share MULTI_GET calls; an unknown id is null with a NOT_FOUND error. */
public final class ByIdFetcher extends RouteFetcher {
    private final ResourceFetch resource;
    private final String idArgument;
    private final Projection projection;

    public ByIdFetcher(ResourceFetch resource, String idArgument, Projection projection) {
        super(FieldRoute.Shape.SINGLE);
        this.resource = resource;
        this.idArgument = idArgument;
        this.projection = projection;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        Object id = env.getArgument(idArgument);
        DataLoader<ById, Map<String, Object>> loader = RequestScope.loader(env, ResourceFetch.loaderName(resource.resource()));
        return loader.load(new ById(String.valueOf(id), projection.fields(env))).thenApply(element -> element != null ? element
                : Failures.result(env, null, DownstreamException.notFound(resource.service(), resource.resource(), id)));
    }
}
