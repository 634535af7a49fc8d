package io.tributary.gateway.http;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.OperationDefinition;
import graphql.validation.ValidationError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every GraphQL request as {@code tributary.gateway.query}, tagged with the graph, the operation's name
 * ({@code anonymous} when it has none), its type ({@code unknown} when it never started) and the outcome:
 * {@code success}, {@code field_errors} (partial data) or {@code rejected} (a request error, nothing executed).
 */
public final class QueryMetrics extends SimplePerformantInstrumentation {
    public static final String TIMER = "tributary.gateway.query";

    /** How many timers one graph keeps at hand; beyond that (operations named by the thousand) each is looked up. */
    static final int KEPT_TIMERS = 2048;

    private final MeterRegistry registry;
    private final String graph;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    /** What tells one timer of the graph from another. */
    private record TimerKey(String operation, String type, String outcome) {
    }

    public QueryMetrics(MeterRegistry registry, String graph) {
        this.registry = registry;
        this.graph = graph;
    }

    /** When the request started and, once known, which operation it runs. */
    private static final class Timing implements InstrumentationState {
        private final long started = System.nanoTime();
        private volatile String operation;
        private volatile String type = "unknown";

        Timing(String requested) {
            this.operation = requested == null || requested.isBlank() ? "anonymous" : requested;
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Timing(parameters.getExecutionInput().getOperationName());
    }

    /** Names the operation as soon as the document is parsed, so requests that fail validation are named too. */
    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        List<OperationDefinition> operations = parameters.getDocument().getDefinitionsOfType(OperationDefinition.class);
        if (parameters.getOperation() == null && operations.size() == 1 && operations.getFirst().getName() != null) {
            ((Timing) state).operation = operations.getFirst().getName();
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        Timing timing = (Timing) state;
        timing.operation = operation.getName() == null ? "anonymous" : operation.getName();
        timing.type = operation.getOperation().name().toLowerCase(Locale.ROOT);
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        Timing timing = (Timing) state;
        TimerKey key = new TimerKey(timing.operation, timing.type,
                !result.isDataPresent() ? "rejected" : result.getErrors().isEmpty() ? "success" : "field_errors");
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = register(key);
            if (timers.size() < KEPT_TIMERS) {
                timers.put(key, timer);
            }
        }
        timer.record(System.nanoTime() - timing.started, TimeUnit.NANOSECONDS);
        return CompletableFuture.completedFuture(result);
    }

    /** The registry's timer for the key (a new one, the one it has, or a no-op one when its filters deny it). */
    private Timer register(TimerKey key) {
        return Timer.builder(TIMER)
                .description("GraphQL requests, from receipt to response, by operation")
                .tag("graph", graph)
                .tag("operation", key.operation())
                .tag("type", key.type())
                .tag("outcome", key.outcome())
                .register(registry);
    }
}
