package io.tributary.gateway.usage;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.tributary.gateway.request.Client;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.schema.BoundedCache;
import io.tributary.usage.OperationSignature;
import io.tributary.text.Printable;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each operation one graph executes in the {@link UsageRecorder}: the operations that validated and started
 * (refused requests never reach the schema's fields, and have no coordinates to report). An operation's signature
 * and coordinates are worked out the first time this graph runs its document and kept, bounded, with the graph, so
 * they always describe the schema that executed it; per request it costs a cache lookup and the recorder's counters.
 */
public final class UsageInstrumentation extends SimplePerformantInstrumentation {
    private static final Logger LOG = LoggerFactory.getLogger(UsageInstrumentation.class);
    /** Signatures kept per graph, as many as the graph's document cache keeps documents. */
    static final int SIGNATURES = 256;
    /** Documents longer than this are not kept (the document cache does not keep them either); their signature is worked out each time. */
    static final int MAX_CACHED_DOCUMENT_CHARS = 16 * 1024;

    private record Key(String query, String operationName) {
    }

    private final UsageRecorder recorder;
    private final BoundedCache<Key, OperationSignature> signatures = new BoundedCache<>(SIGNATURES);

    public UsageInstrumentation(UsageRecorder recorder) {
        this.recorder = recorder;
    }

    /** When the request started and, once it executes, what it runs. */
    private static final class Execution implements InstrumentationState {
        private final long started = System.nanoTime();
        private volatile OperationSignature signature;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Execution();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        String query = context.getExecutionInput().getQuery();
        String operationName = context.getOperationDefinition().getName();
        try {
            ((Execution) state).signature = query.length() > MAX_CACHED_DOCUMENT_CHARS
                    ? OperationSignature.of(context.getGraphQLSchema(), context.getDocument(), operationName)
                    : signatures.computeIfAbsent(new Key(query, operationName),
                            k -> OperationSignature.of(context.getGraphQLSchema(), context.getDocument(), operationName));
        } catch (RuntimeException e) {
            // Usage reporting must never fail a request: the operation runs, unreported.
            LOG.debug("Could not work out the usage signature of operation {}: {}", Printable.of(operationName, 100), e.toString());
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        Execution execution = (Execution) state;
        if (execution.signature != null) {
            GatewayRequest request = parameters.getGraphQLContext().get(GatewayRequest.class);
            recorder.record(execution.signature, request == null ? Client.UNNAMED : request.client(), !result.getErrors().isEmpty(),
                    System.nanoTime() - execution.started);
        }
        return CompletableFuture.completedFuture(result);
    }
}
