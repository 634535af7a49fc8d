package io.tributary.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.Operation;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.compose.FieldRoute;
import io.tributary.compose.Routing;
import io.tributary.gateway.http.TestViews;
import io.tributary.gateway.request.Caller;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.gateway.schema.ViewInstrumentation;
import io.tributary.gateway.testing.CoursesService;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.gateway.testing.RecordingServer.Recorded;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scopes on a real graph over a real courses service whose {@code Query.course} requires {@code courses:read}:
 * who sees the field, the error at its path for who does not, and no call downstream for a denied field.
 */
class ScopeEnforcementTest {
    /** {@code course} requires courses:read, {@code courses} nothing; only a call for c-1 would be for the former. */
    private static final String BOTH = "{ course(id: \"c-1\") { title } courses(ids: [\"c-2\"]) { id } }";

    private final RecordingServer courses = CoursesService.start();
    private final List<DeniedFields> deniedBeforeExecution = new ArrayList<>();
    private final GraphHolder holder = new GraphHolder(new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(5)),
            List.of((view, calls) -> new ScopeInstrumentation(RequiredScopes.of(view.routing())), recordDenials()), Clock.systemUTC()));

    ScopeEnforcementTest() {
        holder.apply(TestViews.view(1, courses.baseUrl(), TestViews.scopedCourses()));
    }

    @AfterEach
    void stop() {
        courses.close();
    }

    @Test
    void shouldResolveAFieldForACallerWhoseTokenGrantsItsScope() {
        ExecutionResult result = execute(BOTH, new Caller(true, "ada", Set.of("courses:read")));

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Map<String, Object>>>getData().get("course")).containsEntry("title", "Machine Learning");
        assertThat(courses.requests()).extracting(Recorded::uri).anyMatch(uri -> uri.contains("c-1"));
    }

    @Test
    void shouldDenyAFieldWithForbiddenWhenTheTokenLacksItsScopeAndNotCallTheService() {
        ExecutionResult result = execute(BOTH, new Caller(true, "ada", Set.of("enrollments:read")));

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("course");
            assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN").containsEntry("missingScopes", List.of("courses:read"));
            assertThat(error.getMessage()).contains("Query.course", "courses:read");
        });
        assertThat(result.<Map<String, Object>>getData()).containsEntry("course", null);
        assertThat(courses.requests()).extracting(Recorded::uri).noneMatch(uri -> uri.contains("c-1"));
    }

    @Test
    void shouldDenyAFieldWithUnauthenticatedToACallerWithoutToken() {
        ExecutionResult result = execute(BOTH, Caller.ANONYMOUS);

        assertThat(result.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED"));
        assertThat(courses.requests()).extracting(Recorded::uri).noneMatch(uri -> uri.contains("c-1"));
    }

    @Test
    void shouldStillResolveTheFieldsTheCallerMaySeeNextToADeniedOne() {
        ExecutionResult result = execute(BOTH, Caller.ANONYMOUS);

        assertThat(result.<Map<String, Object>>getData().get("courses")).isEqualTo(List.of(Map.of("id", "c-2")));
        assertThat(courses.requests()).extracting(Recorded::uri).isNotEmpty().noneMatch(uri -> uri.contains("c-1"));
    }

    @Test
    void shouldDenyEveryAliasOfADeniedField() {
        ExecutionResult result = execute("{ a: course(id: \"c-1\") { id } b: course(id: \"c-2\") { id } }", Caller.ANONYMOUS);

        assertThat(result.getErrors()).extracting(e -> e.getPath().getFirst()).containsExactlyInAnyOrder("a", "b");
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldWorkOutTheDeniedFieldsBeforeExecution() {
        execute(BOTH, Caller.ANONYMOUS);

        assertThat(deniedBeforeExecution).singleElement()
                .satisfies(denied -> assertThat(denied.missingByCoordinate()).isEqualTo(Map.of("Query.course", Set.of("courses:read"))));
    }

    @Test
    void shouldLetEveryoneSeeFieldsThatRequireNoScope() {
        holder.apply(TestViews.view(2, courses.baseUrl(), CourseCatalogs.v2("a")));

        assertThat(execute(BOTH, Caller.ANONYMOUS).getErrors()).isEmpty();
    }

    @Test
    void shouldRequireTheScopesOfEveryHopOfARelationThroughOthers() {
        ServiceCatalog scoped = TestViews.scopedCourses();
        FieldRoute get = TestViews.view(1, courses.baseUrl(), scoped).routing().fields().stream()
                .filter(r -> r.coordinate().equals("Query.course")).findFirst().orElseThrow();
        FieldRoute hop = new FieldRoute("Instructor", "course", get.service(), get.resource(), get.keyField(), get.operation(),
                FieldRoute.Shape.SINGLE, new FieldRoute.Link.Forward("courseId"));
        FieldRoute through = new FieldRoute("Partner", "course", get.service(), get.resource(), get.keyField(),
                withoutScopes(get), FieldRoute.Shape.SINGLE, new FieldRoute.Link.Through(List.of("Instructor.course")));

        RequiredScopes required = RequiredScopes.of(new Routing(List.of(), List.of(hop, through)));

        assertThat(required.missing("Partner.course", Set.of())).containsExactly("courses:read");
        assertThat(required.missing("Partner.course", Set.of("courses:read"))).isEmpty();
    }

    private ExecutionResult execute(String query, Caller caller) {
        return holder.current().orElseThrow().execute(new GatewayRequest(query, null, Map.of(), Map.of(), caller));
    }

    /** Runs after the scope instrumentation, so it sees what the walk put in the context before any field ran. */
    private ViewInstrumentation recordDenials() {
        return (view, calls) -> new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                                InstrumentationState state) {
                deniedBeforeExecution.add(parameters.getExecutionContext().getGraphQLContext().get(DeniedFields.class));
                return SimpleInstrumentationContext.noOp();
            }
        };
    }

    private static Operation withoutScopes(FieldRoute route) {
        Operation op = route.operation();
        return new Operation(op.kind(), op.name(), op.httpMethod(), op.path(), op.parameters(), op.pagination(),
                op.envelope(), op.projection(), List.of(), op.deprecationReason(), op.description());
    }

}
