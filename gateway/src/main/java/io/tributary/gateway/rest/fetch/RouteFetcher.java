package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tributary.compose.FieldRoute;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The data fetcher of a routed field: resolves it asynchronously and turns any failure into an error at the field's
 * path, so the other fields of the request are still answered. A failed field whose type is a non-null list,
 * connection or page answers its empty value rather than null, which would null its parent too.
 */
abstract class RouteFetcher implements DataFetcher<CompletableFuture<Object>> {
    private final FieldRoute.Shape shape;

    RouteFetcher(FieldRoute.Shape shape) {
        this.shape = shape;
    }

    @Override
    public final CompletableFuture<Object> get(DataFetchingEnvironment env) {
        CompletableFuture<?> answer;
        try {
            answer = fetch(env);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Failures.result(env, empty(env), e));
        }
        return answer.handle((value, failure) -> failure == null ? value : Failures.result(env, empty(env), failure));
    }

    /** The field's value, or a {@link graphql.execution.DataFetcherResult} with its errors. */
    abstract CompletableFuture<?> fetch(DataFetchingEnvironment env);

    private Object empty(DataFetchingEnvironment env) {
        return switch (shape) {
            case SINGLE -> null;
            case LIST -> List.of();
            case CONNECTION -> Connections.empty();
            case PAGED -> Pages.empty(Pages.page(env));
        };
    }

    /** The REST parameter values a field's arguments give, by the route's bindings (REST parameter to GraphQL argument). */
    static Map<String, Object> values(DataFetchingEnvironment env, Map<String, String> bindings) {
        Map<String, Object> values = new HashMap<>();
        bindings.forEach((parameter, argument) -> {
            if (env.containsArgument(argument)) {
                values.put(parameter, env.getArgument(argument));
            }
        });
        return values;
    }
}
