package io.tributary.gateway.schema;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import java.util.List;

/**
 * A graph's instrumentations chained as graphql-java's {@link ChainedInstrumentation} chains them, except that a
 * per-field or per-object hook none of them implements is not called at all: the plain chain calls every
 * instrumentation for every field of every request, and allocates the list and context that combine their no-ops.
 * The gateway's own instrumentations work per request (limits, usage, metrics) and leave those hooks alone; a hook
 * any of them implements (the scopes' {@code instrumentDataFetcher}) runs through the whole chain as before.
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
}
