package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.CoercedVariables;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import io.tributary.gateway.limits.LimitExceeded;
import io.tributary.gateway.limits.Limits;
import io.tributary.gateway.limits.OperationShape;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.rest.plan.DownstreamCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fan-out is paid for before it happens: an operation whose cost (every list multiplied) or whose estimated REST
 * calls exceed the limits is refused with no call made; a legitimate one runs and makes the calls estimated; and the
 * request's cap fails the calls nobody foresaw at their path, unsent.
 */
class FanOutLimitsTest {
    private final FixtureServices services = new FixtureServices();
    private final List<Graphs> graphs = new ArrayList<>();

    @AfterEach
    void stop() {
        graphs.forEach(Graphs::close);
        services.close();
    }

    @Test
    void shouldRefuseAThousandCoursesWithTheirEnrollmentsBeforeAnyCall() {
        ExecutionResult result = limited(RestSettings.defaults())
                .execute("{ courses(ids: [" + BatchingTest.ids(1, 1000) + "]) { id enrollments { id } } }");

        assertThat(result.isDataPresent()).isFalse();
        assertThat(codes(result)).containsExactly(LimitExceeded.MAX_COMPLEXITY_EXCEEDED, LimitExceeded.MAX_DOWNSTREAM_CALLS_EXCEEDED);
        assertThat(result.getErrors().get(0).getExtensions()).containsEntry("actual", 1L + 1000 * (1 + 1 + 10));
        assertThat(result.getErrors().get(1).getExtensions())
                .as("20 MULTI_GETs of 50 courses, and a finder call per course: byCourseId takes one id")
                .containsEntry("actual", 20L + 1000).containsEntry("limit", 200L);
        assertThat(result.getErrors().get(1).getMessage()).contains("1020", "200");
        assertThat(services.calls()).isZero();
    }

    @Test
    void shouldRefuseAnOperationWithinTheCostLimitWhoseCallsExceedTheCap() {
        ExecutionResult result = limited(RestSettings.defaults())
                .execute("{ courses(ids: [" + BatchingTest.ids(1, 300) + "]) { enrollments { id } } }");

        assertThat(codes(result)).containsExactly(LimitExceeded.MAX_DOWNSTREAM_CALLS_EXCEEDED);
        assertThat(result.getErrors().getFirst().getExtensions()).containsEntry("actual", 6L + 300).containsEntry("limit", 200L);
        assertThat(services.calls()).isZero();
    }

    @Test
    void shouldRunTwentyCoursesWithTheirInstructorsInTheTwoCallsEstimated() {
        String query = "{ courses(ids: [" + BatchingTest.ids(1, 20) + "]) { id instructors { name } } }";
        Graphs graphs = limited(RestSettings.defaults());

        ExecutionResult result = graphs.execute(query);

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, List<?>>>getData().get("courses")).hasSize(20);
        assertThat(services.calls()).isEqualTo(2);
        assertThat(estimate(graphs, query, RestSettings.defaults())).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{ course(id: \"c-4\") { id instructors { name } enrollments { id } } }",
            "{ courses(ids: [\"c-1\", \"c-2\", \"c-3\", \"c-4\", \"c-5\"]) { enrollments { id } } }",
            "{ coursesConnection(first: 20) { nodes { id instructors { name } } } }",
            "{ coursesPaged(pageSize: 5) { items { enrollments { status } } } }",
            "{ a: partner(id: \"p-1\") { id } b: instructor(id: \"3\") { name } }",
            "{ partnersPaged(page: 1, pageSize: 2) { items { id } } }"})
    void shouldEstimateTheCallsALegitimateOperationMakes(String query) {
        Graphs graphs = limited(RestSettings.defaults());

        ExecutionResult result = graphs.execute(query);

        assertThat(result.getErrors()).isEmpty();
        assertThat(estimate(graphs, query, RestSettings.defaults())).isEqualTo(services.calls());
    }

    @Test
    void shouldRefuseAPageFarDownServiceCursorsBeforeWalkingTowardsIt() {
        ExecutionResult result = limited(RestSettings.defaults()).execute("{ partnersPaged(page: 1000, pageSize: 2) { items { id } } }");

        assertThat(codes(result)).containsExactly(LimitExceeded.MAX_DOWNSTREAM_CALLS_EXCEEDED);
        assertThat(result.getErrors().getFirst().getExtensions()).as("a cursor cannot jump: every page before it is read")
                .containsEntry("actual", 1001L);
        assertThat(services.calls()).isZero();
    }

    @Test
    void shouldCountMultiGetsByTheBatchSize() {
        RestSettings tenPerBatch = RestSettings.defaults().withBatchSize(10);
        String query = "{ courses(ids: [" + BatchingTest.ids(1, 25) + "]) { instructors { name } } }";
        Graphs graphs = limited(tenPerBatch);

        assertThat(estimate(graphs, query, tenPerBatch)).isEqualTo(3 + 3);
    }

    @Test
    void shouldFailCallsBeyondTheRequestsCapAtTheirPathWithoutSendingThem() {
        Graphs graphs = new Graphs(services.catalogs(), RestSettings.defaults().withMaxCallsPerRequest(1));
        this.graphs.add(graphs);

        ExecutionResult result = graphs.execute("{ partners { id } }");

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("partners");
            assertThat(error.getExtensions()).containsEntry("code", LimitExceeded.MAX_DOWNSTREAM_CALLS_EXCEEDED).containsEntry("limit", 1);
        });
        assertThat(services.partners.requests()).as("the first page only: a page holds four of the five partners").hasSize(1);
    }

    @Test
    void shouldLetACapOfZeroSwitchTheLimitOff() {
        Graphs graphs = limited(RestSettings.defaults().withMaxCallsPerRequest(0));

        ExecutionResult result = graphs.execute("{ courses(ids: [" + BatchingTest.ids(1, 300) + "]) { enrollments { id } } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(services.calls()).as("6 MULTI_GETs, and a finder call for each of the 30 courses there are").isEqualTo(6 + 30);
    }

    private Graphs limited(RestSettings settings) {
        Graphs limited = Graphs.limited(services.catalogs(), settings, Limits.DEFAULT);
        graphs.add(limited);
        return limited;
    }

    private static long estimate(Graphs graphs, String query, RestSettings settings) {
        GraphQLSchema schema = graphs.graph.graphQL().getGraphQLSchema();
        return OperationShape.measure(ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(schema, Parser.parse(query),
                null, CoercedVariables.emptyVariables()), schema, Limits.DEFAULT.defaultListSize(),
                DownstreamCalls.of(graphs.view.routing(), settings)).downstreamCalls();
    }

    private static List<Object> codes(ExecutionResult result) {
        return result.getErrors().stream().map(GraphQLError::getExtensions).map(e -> e.get("code")).toList();
    }
}
