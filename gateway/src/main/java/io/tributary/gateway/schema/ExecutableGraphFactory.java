package io.tributary.gateway.schema;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.rest.plan.RestResolution;
import io.tributary.view.SchemaView;
import java.time.Clock;
import java.util.List;

/**
 * Turns a schema view into an executable graph: parse the SDL, wire routed fields to REST, add the view's
 * instrumentation (limits, scopes, metrics), build the engine with a document cache of its own.
 */
public final class ExecutableGraphFactory {
    private final RestClient client;
    private final List<ViewInstrumentation> instrumentations;
    private final Clock clock;
    private final RecentOperations recentOperations;

    public ExecutableGraphFactory(RestClient client, List<ViewInstrumentation> instrumentations, Clock clock) {
        this(client, instrumentations, clock, new RecentOperations(200));
    }

    /** A factory whose graphs remember the operations they execute in {@code recentOperations}. */
    public ExecutableGraphFactory(RestClient client, List<ViewInstrumentation> instrumentations, Clock clock,
                                  RecentOperations recentOperations) {
        this.client = client;
        this.instrumentations = List.copyOf(instrumentations);
        this.clock = clock;
        this.recentOperations = recentOperations;
    }

    /** The operations clients used lately on any graph this factory built: what a swap is warmed with. */
    public RecentOperations recentOperations() {
        return recentOperations;
    }

    public ExecutableGraphFactory(RestClient client, Clock clock) {
        this(client, List.of(), clock);
    }

    /** Builds the graph, or throws when the view cannot be executed; nothing is swapped by building. */
    public ExecutableGraph build(SchemaView view) {
        RestResolution resolution = RestResolution.forView(view, client, client.settings());
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(resolution.wiringFactory());
        PassThroughScalars.all().forEach(wiring::scalar);
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(view.sdl()), wiring.build());
        GraphQL.Builder engine = GraphQL.newGraphQL(schema)
                .preparsedDocumentProvider(new DocumentCache(DocumentCache.DEFAULT_ENTRIES, DocumentCache.DEFAULT_MAX_DOCUMENT_CHARS));
        if (!instrumentations.isEmpty()) {
            engine.instrumentation(new ChainedInstrumentation(instrumentations.stream().map(i -> i.forView(view)).toList()));
        }
        return new ExecutableGraph(view, engine.build(), resolution, clock.instant(), recentOperations);
    }
}
