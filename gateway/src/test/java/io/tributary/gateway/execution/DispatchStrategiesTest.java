package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import io.tributary.gateway.request.GatewayRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * graphql-java 26 dispatches the request's data loaders per level by default, and can chain them or dispatch when
 * all work is exhausted; the gateway's loaders make the same calls under each, through relations included (they
 * dispatch their own hops rather than rely on chaining).
 */
class DispatchStrategiesTest extends GoldenGraphFixture {
    private static final String QUERY = "{ courses(ids: [%s]) { id instructors { name partner { id } } partners { id } enrollments { id } } }"
            .formatted(BatchingTest.ids(1, 20));

    @ParameterizedTest
    @ValueSource(strings = {"per level", DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_CHAINING,
            DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_EXHAUSTED_DISPATCHING})
    void shouldBatchTheSameWayUnderEveryDispatchStrategy(String strategy) {
        GatewayRequest request = GatewayRequest.of(QUERY);
        Map<Object, Object> context = new HashMap<>(Map.of(GatewayRequest.class, request));
        if (!strategy.equals("per level")) {
            context.put(strategy, true);
        }
        ExecutionResult result = graphs.graph.graphQL().execute(ExecutionInput.newExecutionInput().query(QUERY).graphQLContext(context)
                .dataLoaderRegistry(graphs.graph.resolution().newRequestRegistry(request)).build());

        assertThat(result.getErrors()).isEmpty();
        assertThat(services.courses.requests()).hasSize(1);
        assertThat(services.instructors.requests()).hasSize(1);
        assertThat(services.partners.requests()).as("one GET per distinct partner: partners have no MULTI_GET").hasSize(3);
        assertThat(services.enrollments.requests()).as("one finder call per course: byCourseId takes one id").hasSize(20);
    }
}
