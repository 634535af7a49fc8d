package io.tributary.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.CoercedVariables;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.tributary.compose.Routing;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.rest.plan.DownstreamCalls;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost model and the other measures, on a schema shaped like a composed one. */
class OperationShapeTest {
    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query {
              course(id: ID!): Course
              courses(ids: [ID!]): [Course!]!
              coursesConnection(first: Int, after: String): CourseConnection!
              coursesPaged(page: Int = 0, pageSize: Int = 20): CoursesPaged
            }
            type Course { id: ID! title: String tags: [String] instructors: [Instructor!]! }
            type Instructor { name: String courses: [Course!]! }
            type CourseConnection { edges: [CourseEdge] totalCount: Int }
            type CourseEdge { node: Course! cursor: String! }
            type CoursesPaged { items: [Course] page: Int! }
            """), RuntimeWiring.MOCKED_WIRING);
    private static final DownstreamCalls NO_ROUTES = DownstreamCalls.of(Routing.EMPTY, RestSettings.defaults());

    @Test
    void shouldCostOnePerField() {
        assertThat(measure("{ course(id: 1) { id title } }").cost()).isEqualTo(3);
    }

    @Test
    void shouldMultiplyWhatAListSelectsByTheNumberOfItsIds() {
        assertThat(measure("{ courses(ids: [1, 2, 3]) { id title } }").cost()).isEqualTo(1 + 3 * 2);
    }

    @Test
    void shouldAssumeTheDefaultListSizeForAListWithoutSizeArgument() {
        assertThat(measure("{ course(id: 1) { instructors { name } } }").cost()).isEqualTo(1 + (1 + 10));
    }

    @Test
    void shouldMultiplyARelationOfEachElementOfAListAgainByTheDefaultListSize() {
        assertThat(measure("{ courses(ids: [1, 2, 3]) { id instructors { name } } }").cost()).isEqualTo(1 + 3 * (1 + (1 + 10)));
    }

    @Test
    void shouldMultiplyTheListsInsideTheElementsOfAConnectionPage() {
        assertThat(measure("{ coursesConnection(first: 5) { edges { node { instructors { name } } } } }").cost())
                .isEqualTo(1 + 5 * (1 + (1 + (1 + 10))));
    }

    @Test
    void shouldMultiplyAConnectionByFirstAndNotAgainByItsEdges() {
        assertThat(measure("{ coursesConnection(first: 50) { totalCount edges { node { id } } } }").cost())
                .isEqualTo(1 + 50 * (1 + (1 + (1 + 1))));
    }

    @Test
    void shouldTakeThePageSizeFromVariablesAndDefaults() {
        assertThat(measure("{ coursesPaged { items { id } } }").cost()).isEqualTo(1 + 20 * (1 + 1));
        assertThat(measure("query($n: Int) { coursesPaged(pageSize: $n) { items { id } } }", Map.of("n", 5)).cost())
                .isEqualTo(1 + 5 * (1 + 1));
    }

    @Test
    void shouldChargeNothingForIntrospectionOrTypename() {
        OperationShape shape = measure("{ __typename __schema { types { name fields { name type { ofType { ofType { name } } } } } } }");

        assertThat(shape.cost()).isZero();
        assertThat(shape.depth()).isZero();
        assertThat(shape.introspection()).isTrue();
    }

    @Test
    void shouldMeasureDepthFromTheRootFieldsDown() {
        assertThat(measure("{ course(id: 1) { instructors { courses { id } } } }").depth()).isEqualTo(4);
    }

    @Test
    void shouldCountAliasesInFragmentsEveryTimeTheyAreSpread() {
        OperationShape shape = measure("""
                { a: course(id: 1) { ...names } b: course(id: 2) { ...names } }
                fragment names on Course { t1: title t2: title }""");

        assertThat(shape.aliases()).isEqualTo(2 + 2 * 2);
    }

    @Test
    void shouldNotMeasureWhatSkipLeavesOut() {
        assertThat(measure("query($deep: Boolean!) { course(id: 1) { id instructors @include(if: $deep) { courses { id } } } }",
                Map.of("deep", false)).depth()).isEqualTo(2);
    }

    @Test
    void shouldSaturateInsteadOfOverflowing() {
        String query = "{ coursesConnection(first: 2000000000) { edges { node { instructors { courses { instructors { courses { id } } } } } } } }";

        assertThat(measure(query).cost()).isPositive();
    }

    private static OperationShape measure(String query) {
        return measure(query, Map.of());
    }

    private static OperationShape measure(String query, Map<String, Object> variables) {
        return OperationShape.measure(ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(SCHEMA,
                Parser.parse(query), null, CoercedVariables.of(variables)), SCHEMA, 10, NO_ROUTES);
    }
}
