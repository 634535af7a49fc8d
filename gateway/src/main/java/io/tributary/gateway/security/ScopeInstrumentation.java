package io.tributary.gateway.security;

import graphql.ExecutionResult;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.SourceLocation;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tributary.gateway.request.Caller;
import io.tributary.gateway.request.GatewayRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Enforces the scopes a view's routed fields require. Before execution it walks the operation and works out the
 * {@link DeniedFields}; during execution the fetcher of every field the caller may not see is replaced by one that
 * returns a {@link ScopeDenied} error at the field's path, so nothing is called downstream for it or below it. The
 * check at fetch time uses the required scopes directly, so a field the walk did not see cannot slip through.
 */
public final class ScopeInstrumentation extends SimplePerformantInstrumentation {
    private final RequiredScopes required;

    public ScopeInstrumentation(RequiredScopes required) {
        this.required = required;
    }

    /** The caller of one request, read once from its context. */
    private record RequestCaller(Caller caller) implements InstrumentationState {
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        GatewayRequest request = parameters.getExecutionInput().getGraphQLContext().get(GatewayRequest.class);
        return new RequestCaller(request == null ? Caller.ANONYMOUS : request.caller());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Set<String> granted = ((RequestCaller) state).caller().scopes();
        Map<String, Set<String>> denied = new TreeMap<>();
        execution.getNormalizedQueryTree().get().getCoordinatesToNormalizedFields().keySet().forEach(coordinates -> {
            String coordinate = coordinates.getTypeName() + "." + coordinates.getFieldName();
            Set<String> missing = required.missing(coordinate, granted);
            if (!missing.isEmpty()) {
                denied.put(coordinate, missing);
            }
        });
        execution.getGraphQLContext().put(DeniedFields.class, new DeniedFields(denied));
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        DataFetchingEnvironment env = parameters.getEnvironment();
        String coordinate = env.getExecutionStepInfo().getObjectType().getName() + "." + env.getFieldDefinition().getName();
        Caller caller = ((RequestCaller) state).caller();
        Set<String> missing = required.missing(coordinate, caller.scopes());
        if (missing.isEmpty()) {
            return fetcher;
        }
        return denied -> DataFetcherResult.newResult()
                .error(ScopeDenied.of(caller, coordinate, missing, denied.getExecutionStepInfo().getPath(), locations(denied)))
                .build();
    }

    private static List<SourceLocation> locations(DataFetchingEnvironment env) {
        SourceLocation location = env.getMergedField().getSingleField().getSourceLocation();
        return location == null ? List.of() : List.of(location);
    }
}
