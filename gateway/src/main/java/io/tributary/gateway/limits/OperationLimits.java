package io.tributary.gateway.limits;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import io.tributary.gateway.rest.plan.DownstreamCalls;
import io.tributary.gateway.schema.BoundedCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Enforces the gateway's {@link Limits} on every request, with a {@link LimitExceeded} error per limit broken and
 * nothing executed: the document's size before it is parsed, then depth, cost, aliases, the estimated downstream
 * calls and introspection once the operation is known and its variables coerced, before any field is fetched.
 * Introspection is switched off per request, never JVM-wide, since several graphs may share a JVM. The shape of an
 * operation seen lately with the same variables is remembered rather than measured again (one instance serves one view).
 */
public final class OperationLimits extends SimplePerformantInstrumentation {
    /** How many operations' shapes a view keeps, so a repeated operation is not walked again. */
    static final int REMEMBERED_SHAPES = 256;
    static final int REMEMBERED_DOCUMENT_CHARS = 16 * 1024;

    /** What a shape depends on besides the view: the document, the operation chosen in it, the variables' values. */
    private record ShapeKey(String query, String operationName, Map<String, Object> variables) {
    }

    private final Limits limits;
    private final DownstreamCalls calls;
    private final BoundedCache<ShapeKey, OperationShape> shapes = new BoundedCache<>(REMEMBERED_SHAPES);

    /** The limits for one view, whose routing says how many REST calls its fields make. */
    public OperationLimits(Limits limits, DownstreamCalls calls) {
        this.limits = limits;
        this.calls = calls;
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        long bytes = utf8Length(input.getQuery());
        if (limits.maxDocumentSize() > 0 && bytes > limits.maxDocumentSize()) {
            throw abort(List.of(LimitExceeded.documentSize(bytes, limits.maxDocumentSize())));
        }
        if (!limits.introspection()) {
            input.getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
        }
        return input;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState state) {
        OperationShape shape = shape(parameters.getExecutionContext());
        List<GraphQLError> broken = new ArrayList<>();
        if (limits.maxDepth() > 0 && shape.depth() > limits.maxDepth()) {
            broken.add(LimitExceeded.depth(shape.depth(), limits.maxDepth()));
        }
        if (limits.maxComplexity() > 0 && shape.cost() > limits.maxComplexity()) {
            broken.add(LimitExceeded.complexity(shape.cost(), limits.maxComplexity()));
        }
        if (limits.maxAliases() > 0 && shape.aliases() > limits.maxAliases()) {
            broken.add(LimitExceeded.aliases(shape.aliases(), limits.maxAliases()));
        }
        if (calls.limit() > 0 && shape.downstreamCalls() > calls.limit()) {
            broken.add(LimitExceeded.downstreamCalls(shape.downstreamCalls(), calls.limit()));
        }
        if (!limits.introspection() && shape.introspection()) {
            broken.add(LimitExceeded.introspection());
        }
        if (!broken.isEmpty()) {
            throw abort(broken);
        }
        return SimpleInstrumentationContext.noOp();
    }

    /**
     * The operation's shape, remembered when its key is small: a document of at most {@value #REMEMBERED_DOCUMENT_CHARS}
     * characters and a few short scalar variables, so the remembered shapes hold a few MB at most.
     */
    private OperationShape shape(ExecutionContext execution) {
        String query = execution.getExecutionInput().getQuery();
        Map<String, Object> variables = execution.getCoercedVariables().toMap();
        if (query.length() > REMEMBERED_DOCUMENT_CHARS || !smallScalars(variables)) {
            return measure(execution);
        }
        return shapes.computeIfAbsent(new ShapeKey(query, execution.getOperationDefinition().getName(), variables), key -> measure(execution));
    }

    private OperationShape measure(ExecutionContext execution) {
        return OperationShape.measure(execution.getNormalizedQueryTree().get(), execution.getGraphQLSchema(), limits.defaultListSize(), calls);
    }

    private static boolean smallScalars(Map<String, Object> variables) {
        return variables.size() <= 16 && variables.values().stream().allMatch(value -> value == null || value instanceof Number
                || value instanceof Boolean || value instanceof String text && text.length() <= 256);
    }

    private static AbortExecutionException abort(List<GraphQLError> errors) {
        return new AbortExecutionException(errors);
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
