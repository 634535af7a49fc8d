package io.tributary.gateway.schema;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import java.util.List;

/**
 * A graph's instrumentations chained as graphql-java's {@link ChainedInstrumentation} chains them, except that a
 * hook none of them implements is not called at all: the plain chain calls every instrumentation for every field of
 * every request, and allocates the list and context that combine their no-ops. The gateway's own instrumentations
 * work per request (limits, usage, metrics) and leave the per-field hooks and most per-request ones alone; a hook any
 * of them implements (the scopes' {@code instrumentDataFetcher}, everyone's {@code beginExecuteOperation}) runs
 * through the whole chain as before.
 */
final class ViewInstrumentations extends ChainedInstrumentation {
    private final boolean executionStrategy;
    private final boolean executeObject;
    private final boolean deferredField;
    private final boolean fieldExecution;
    private final boolean fieldFetching;
    private final boolean fieldCompletion;
    private final boolean fieldListCompletion;
    private final boolean dataFetcher;
    private final boolean execution;
    private final boolean parse;
    private final boolean documentAndVariables;
    private final boolean schema;
    private final boolean executionContext;

    ViewInstrumentations(List<Instrumentation> instrumentations) {
        super(instrumentations);
        Class<?> strategy = InstrumentationExecutionStrategyParameters.class;
        Class<?> field = InstrumentationFieldParameters.class;
        Class<?> fetch = InstrumentationFieldFetchParameters.class;
        Class<?> complete = InstrumentationFieldCompleteParameters.class;
        this.executionStrategy = anyImplements("beginExecutionStrategy", strategy, InstrumentationState.class);
        this.executeObject = anyImplements("beginExecuteObject", strategy, InstrumentationState.class);
        this.deferredField = anyImplements("beginDeferredField", field, InstrumentationState.class);
        this.fieldExecution = anyImplements("beginFieldExecution", field, InstrumentationState.class);
        this.fieldFetching = anyImplements("beginFieldFetching", fetch, InstrumentationState.class)
                || anyImplements("beginFieldFetch", fetch, InstrumentationState.class);
        this.fieldCompletion = anyImplements("beginFieldCompletion", complete, InstrumentationState.class);
        this.fieldListCompletion = anyImplements("beginFieldListCompletion", complete, InstrumentationState.class);
        this.dataFetcher = anyImplements("instrumentDataFetcher", DataFetcher.class, fetch, InstrumentationState.class);
        Class<?> request = InstrumentationExecutionParameters.class;
        this.execution = anyImplements("beginExecution", request, InstrumentationState.class);
        this.parse = anyImplements("beginParse", request, InstrumentationState.class);
        this.documentAndVariables = anyImplements("instrumentDocumentAndVariables", DocumentAndVariables.class, request,
                InstrumentationState.class);
        this.schema = anyImplements("instrumentSchema", GraphQLSchema.class, request, InstrumentationState.class);
        this.executionContext = anyImplements("instrumentExecutionContext", ExecutionContext.class, request, InstrumentationState.class);
    }

    /**
     * Whether any instrumentation implements the hook itself, rather than taking the no-op of {@link Instrumentation}
     * or {@link SimplePerformantInstrumentation}; one whose hook cannot be looked up counts as implementing it.
     */
    private boolean anyImplements(String hook, Class<?>... parameters) {
        for (Instrumentation instrumentation : instrumentations) {
            try {
                Class<?> declaring = instrumentation.getClass().getMethod(hook, parameters).getDeclaringClass();
                if (declaring != Instrumentation.class && declaring != SimplePerformantInstrumentation.class) {
                    return true;
                }
            } catch (NoSuchMethodException | SecurityException e) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(InstrumentationExecutionStrategyParameters parameters,
                                                                          InstrumentationState state) {
        return executionStrategy ? super.beginExecutionStrategy(parameters, state) : ExecutionStrategyInstrumentationContext.NOOP;
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                                                                  InstrumentationState state) {
        return executeObject ? super.beginExecuteObject(parameters, state) : ExecuteObjectInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginDeferredField(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return deferredField ? super.beginDeferredField(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return fieldExecution ? super.beginFieldExecution(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return fieldFetching ? super.beginFieldFetch(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return fieldFetching ? super.beginFieldFetching(parameters, state) : FieldFetchingInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        return fieldCompletion ? super.beginFieldCompletion(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                   InstrumentationState state) {
        return fieldListCompletion ? super.beginFieldListCompletion(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return this.dataFetcher ? super.instrumentDataFetcher(dataFetcher, parameters, state) : dataFetcher;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return execution ? super.beginExecution(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return parse ? super.beginParse(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
                                                               InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return this.documentAndVariables ? super.instrumentDocumentAndVariables(documentAndVariables, parameters, state) : documentAndVariables;
    }

    @Override
    public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return this.schema ? super.instrumentSchema(schema, parameters, state) : schema;
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext executionContext, InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
        return this.executionContext ? super.instrumentExecutionContext(executionContext, parameters, state) : executionContext;
    }
}
