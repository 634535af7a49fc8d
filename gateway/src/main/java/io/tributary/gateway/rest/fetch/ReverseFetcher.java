package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** {@code Course.enrollments} via {@code byCourseId(courseId=$id)}: the target's finder with arguments from the parent, through the finder's loader. */
public final class ReverseFetcher extends RouteFetcher {
    private final RelationLoad.Reverse relation;
    private final Projection projection;

    public ReverseFetcher(RelationLoad.Reverse relation, Projection projection) {
        super(FieldRoute.Shape.LIST);
        this.relation = relation;
        this.projection = projection;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        Map<String, Object> parent = env.getSource();
        DataLoader<Object, Object> loader = RequestScope.loader(env, relation.loaderName());
        return relation.load(loader, parent, projection.fields(env));
    }
}
