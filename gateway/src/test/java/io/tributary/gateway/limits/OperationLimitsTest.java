package io.tributary.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.http.TestViews;
import io.tributary.gateway.request.Caller;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.gateway.schema.ViewInstrumentation;
import io.tributary.gateway.testing.CoursesService;
import io.tributary.gateway.testing.RecordingServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each limit, on a real graph over a real courses service: a clear error, and nothing called downstream. */
class OperationLimitsTest {
    private final RecordingServer courses = CoursesService.start();

    @AfterEach
    void stop() {
        courses.close();
    }

    @Test
    void shouldRejectADocumentOverTheSizeLimitBeforeParsingIt() {
        ExecutionResult result = execute(Limits.DEFAULT.withMaxDocumentSize(100), "{ course(id: \"c-1\") { " + "title ".repeat(50));

        assertThat(codes(result)).containsExactly(LimitExceeded.DOCUMENT_TOO_LARGE);
        assertThat(result.getErrors().getFirst().getMessage()).contains("at most 100");
        assertThat(result.isDataPresent()).isFalse();
    }

    @Test
    void shouldMeasureTheDocumentInUtf8Bytes() {
        String query = "{ course(id: \"" + "é".repeat(40) + "\") { id } }";

        assertThat(codes(execute(Limits.DEFAULT.withMaxDocumentSize(query.length() + 10), query)))
                .containsExactly(LimitExceeded.DOCUMENT_TOO_LARGE);
    }

    @Test
    void shouldRejectAnOperationDeeperThanTheLimit() {
        ExecutionResult result = execute(Limits.DEFAULT.withMaxDepth(1), "{ course(id: \"c-1\") { id } }");

        assertThat(codes(result)).containsExactly(LimitExceeded.MAX_DEPTH_EXCEEDED);
        assertThat(result.getErrors().getFirst().getExtensions()).containsEntry("actual", 2L).containsEntry("limit", 1L);
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldRejectAnOperationCostlierThanTheLimit() {
        ExecutionResult result = execute(Limits.DEFAULT.withMaxComplexity(4), "{ courses(ids: [\"c-1\", \"c-2\"]) { id title } }");

        assertThat(codes(result)).containsExactly(LimitExceeded.MAX_COMPLEXITY_EXCEEDED);
        assertThat(result.getErrors().getFirst().getMessage()).contains("costs 5", "at most 4");
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldRejectTooManyAliases() {
        ExecutionResult result = execute(Limits.DEFAULT.withMaxAliases(2),
                "{ a: __typename b: __typename c: __typename }");

        assertThat(codes(result)).containsExactly(LimitExceeded.MAX_ALIASES_EXCEEDED);
    }

    @Test
    void shouldReportEveryLimitTheOperationBreaks() {
        ExecutionResult result = execute(Limits.DEFAULT.withMaxDepth(1).withMaxComplexity(1).withMaxAliases(1),
                "{ a: course(id: \"c-1\") { id } b: course(id: \"c-2\") { id } }");

        assertThat(codes(result)).containsExactly(LimitExceeded.MAX_DEPTH_EXCEEDED, LimitExceeded.MAX_COMPLEXITY_EXCEEDED,
                LimitExceeded.MAX_ALIASES_EXCEEDED);
    }

    @Test
    void shouldMeasureARepeatedOperationAgainWhenItsVariablesChange() {
        ExecutableGraph graph = graph(Limits.DEFAULT.withMaxAliases(1));
        String query = "query Typenames($more: Boolean!) { a: __typename b: __typename @include(if: $more) }";

        ExecutionResult few = graph.execute(new GatewayRequest(query, null, Map.of("more", false), Map.of(), Caller.ANONYMOUS));
        ExecutionResult many = graph.execute(new GatewayRequest(query, null, Map.of("more", true), Map.of(), Caller.ANONYMOUS));
        ExecutionResult fewAgain = graph.execute(new GatewayRequest(query, null, Map.of("more", false), Map.of(), Caller.ANONYMOUS));

        assertThat(few.getErrors()).isEmpty();
        assertThat(codes(many)).containsExactly(LimitExceeded.MAX_ALIASES_EXCEEDED);
        assertThat(fewAgain.getErrors()).isEmpty();
    }

    @Test
    void shouldRunAnOperationWithinTheLimits() {
        ExecutionResult result = execute(Limits.DEFAULT, "{ course(id: \"c-1\") { id title } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(courses.requests()).hasSize(1);
    }

    @Test
    void shouldRefuseIntrospectionWhenSwitchedOffButStillAnswerTypename() {
        Limits closed = Limits.DEFAULT.withIntrospection(false);

        assertThat(codes(execute(closed, "{ __schema { queryType { name } } }"))).containsExactly(LimitExceeded.INTROSPECTION_DISABLED);
        assertThat(codes(execute(closed, "{ __type(name: \"Course\") { name } }"))).containsExactly(LimitExceeded.INTROSPECTION_DISABLED);
        assertThat(execute(closed, "{ __typename }").getErrors()).isEmpty();
    }

    @Test
    void shouldSwitchIntrospectionOffForOneGraphWithoutTouchingAnotherInTheSameJvm() {
        assertThat(codes(execute(Limits.DEFAULT.withIntrospection(false), "{ __schema { queryType { name } } }")))
                .containsExactly(LimitExceeded.INTROSPECTION_DISABLED);

        ExecutionResult open = execute(Limits.DEFAULT, "{ __schema { queryType { name } } }");

        assertThat(open.getErrors()).isEmpty();
        assertThat(open.<Map<String, Object>>getData()).containsKey("__schema");
    }

    @Test
    void shouldAnswerTheFullIntrospectionQueryWithTheDefaultLimits() {
        ExecutionResult result = execute(Limits.DEFAULT, graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY);

        assertThat(result.getErrors()).isEmpty();
    }

    private ExecutionResult execute(Limits limits, String query) {
        return graph(limits).execute(GatewayRequest.of(query));
    }

    private ExecutableGraph graph(Limits limits) {
        ViewInstrumentation instrumentation = (view, calls) -> new OperationLimits(limits, calls);
        GraphHolder holder = new GraphHolder(new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(5)), List.of(instrumentation),
                Clock.systemUTC()));
        holder.apply(TestViews.view(1, courses.baseUrl(), CourseCatalogs.v2("a")));
        return holder.current().orElseThrow();
    }

    private static List<Object> codes(ExecutionResult result) {
        return result.getErrors().stream().map(GraphQLError::getExtensions).map(e -> e == null ? null : e.get("code")).toList();
    }
}
