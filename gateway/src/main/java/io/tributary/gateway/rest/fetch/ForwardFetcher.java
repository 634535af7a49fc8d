package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.rest.client.DownstreamException;
import io.tributary.gateway.rest.fetch.ResourceFetch.ById;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * {@code Course.instructors} from {@code instructorIds}, {@code CourseEnrollment.course} from {@code courseId}: the ids
 * in the parent's source field, loaded through the target resource's loader with every other parent of the level.
 * A single id the service does not have is null with a NOT_FOUND error; missing ids of a list are left out.
 */
public final class ForwardFetcher extends RouteFetcher {
    private final RelationLoad.Forward relation;
    private final ResourceFetch resource;
    private final boolean many;
    private final Projection projection;

    public ForwardFetcher(RelationLoad.Forward relation, ResourceFetch resource, FieldRoute.Shape shape, Projection projection) {
        super(shape);
        this.relation = relation;
        this.resource = resource;
        this.many = shape == FieldRoute.Shape.LIST;
        this.projection = projection;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        Map<String, Object> parent = env.getSource();
        DataLoader<Object, Object> loader = RequestScope.loader(env, relation.loaderName());
        if (many) {
            return relation.load(loader, parent, projection.fields(env));
        }
        Object id = parent.get(relation.sourceField());
        if (id == null) {
            return CompletableFuture.completedFuture(null);
        }
        return loader.load(new ById(String.valueOf(id), projection.fields(env))).thenApply(element -> element != null ? element
                : Failures.result(env, null, DownstreamException.notFound(resource.service(), resource.resource(), id)));
    }
}
