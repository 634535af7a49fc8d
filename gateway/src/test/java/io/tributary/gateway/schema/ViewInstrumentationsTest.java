package io.tributary.gateway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ViewInstrumentationsTest {
    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("type Query { course: Course } type Course { id: ID title: String }"),
            RuntimeWiring.newRuntimeWiring()
                    .type("Query", type -> type.dataFetcher("course", env -> Map.of("id", "c-1", "title", "Rivers")))
                    .build());

    /** Works per request only, as the gateway's limits, usage and metrics do: counts the results it sees, with its own state. */
    private static final class PerRequest extends SimplePerformantInstrumentation {
        private final List<String> seen = new CopyOnWriteArrayList<>();

        private record Named(String name) implements InstrumentationState {
        }

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new Named("per-request");
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                            InstrumentationState state) {
            seen.add(((Named) state).name() + ":" + result.getData());
            return CompletableFuture.completedFuture(result);
        }
    }

    /** Works per field, as the scopes do: sees every fetch and may replace the fetcher. */
    private static final class PerField extends SimplePerformantInstrumentation {
        private final List<String> fetched = new CopyOnWriteArrayList<>();

        @Override
        public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            fetched.add("fetch " + parameters.getExecutionStepInfo().getPath());
            return SimpleInstrumentationContext.noOp();
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            return parameters.getExecutionStepInfo().getPath().toString().equals("/course/title") ? env -> "Deltas" : fetcher;
        }
    }

    @Test
    void shouldAnswerTheNoOpOfAHookNoInstrumentationImplements() {
        ViewInstrumentations chain = new ViewInstrumentations(List.of(new PerRequest(), new SimplePerformantInstrumentation()));
        DataFetcher<?> fetcher = env -> "x";

        assertThat(chain.beginFieldFetching(null, null)).isSameAs(FieldFetchingInstrumentationContext.NOOP);
        assertThat(chain.beginExecuteObject(null, null)).isSameAs(ExecuteObjectInstrumentationContext.NOOP);
        assertThat(chain.instrumentDataFetcher(fetcher, null, null)).isSameAs(fetcher);
        assertThat(chain.instrumentSchema(SCHEMA, null, null)).isSameAs(SCHEMA);
    }

    @Test
    void shouldRunEveryInstrumentationsHooksWithItsOwnStateWhenSomeWorkPerField() {
        PerRequest perRequest = new PerRequest();
        PerField perField = new PerField();
        GraphQL graphQL = GraphQL.newGraphQL(SCHEMA).instrumentation(new ViewInstrumentations(List.of(perRequest, perField))).build();

        ExecutionResult result = graphQL.execute("{ course { id title } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("course", Map.of("id", "c-1", "title", "Deltas")));
        assertThat(perField.fetched).containsExactlyInAnyOrder("fetch /course", "fetch /course/id", "fetch /course/title");
        assertThat(perRequest.seen).containsExactly("per-request:{course={id=c-1, title=Deltas}}");
    }

    @Test
    void shouldExecuteAsTheServedGraphWithOnlyPerRequestInstrumentations() {
        PerRequest perRequest = new PerRequest();
        GraphQL graphQL = GraphQL.newGraphQL(SCHEMA).instrumentation(new ViewInstrumentations(List.of(perRequest))).build();

        ExecutionResult result = graphQL.execute("{ course { id title } }");

        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("course", Map.of("id", "c-1", "title", "Rivers")));
        assertThat(perRequest.seen).containsExactly("per-request:{course={id=c-1, title=Rivers}}");
    }
}
