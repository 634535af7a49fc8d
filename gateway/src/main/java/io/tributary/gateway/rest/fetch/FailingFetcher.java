package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.rest.client.DownstreamException;
import java.util.concurrent.CompletableFuture;

/**
 * A field the gateway makes no call for, and says why: its service is not routed (which host, which allowlist), or
 * the view lacks what the field needs (a through relation over a hidden hop, a resource without a fetch by id).
 */
public final class FailingFetcher extends RouteFetcher {
    private final DownstreamException reason;

    public FailingFetcher(FieldRoute.Shape shape, DownstreamException reason) {
        super(shape);
        this.reason = reason;
    }

    @Override
    CompletableFuture<?> fetch(DataFetchingEnvironment env) {
        return CompletableFuture.failedFuture(reason);
    }
}
