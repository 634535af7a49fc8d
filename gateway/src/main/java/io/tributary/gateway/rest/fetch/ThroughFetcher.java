package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.rest.fetch.ThroughFetch.ThroughKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** {@code Course.partners} along {@code instructors.partner}: the path followed for all parents of the level together; one element, or a list of distinct ones. */
public final class ThroughFetcher extends RouteFetcher {
    private final String loaderName;
    private final boolean many;
    private final Projection projection;

    public ThroughFetcher(String loaderName, FieldRoute.Shape shape, Projection projection) {
        super(shape);
        this.loaderName = loaderName;
        this.many = shape == FieldRoute.Shape.LIST;
        this.projection = projection;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        Map<String, Object> parent = env.getSource();
        DataLoader<ThroughKey, List<Map<String, Object>>> loader = RequestScope.loader(env, loaderName);
        CompletableFuture<List<Map<String, Object>>> ends = loader.load(new ThroughKey(parent, projection.fields(env)));
        return many ? ends : ends.thenApply(found -> found.isEmpty() ? null : found.getFirst());
    }
}
