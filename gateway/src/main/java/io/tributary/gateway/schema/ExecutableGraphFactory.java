package io.tributary.gateway.schema;

import graphql.GraphQL;
import graphql.language.Document;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.rest.plan.RestResolution;
import io.tributary.view.SchemaView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a schema view into an executable graph: read the SDL, plan the routing's REST calls once, wire every field
 * from that plan, add the view's instrumentation (limits, scopes, metrics), build the engine with a document cache of
 * its own. Given the graph served before, it reads and generates only the definitions whose text changed and copies
 * the others ({@link SchemaReuse}); the result is the schema a build from scratch gives, at a fraction of the cost.
 */
public final class ExecutableGraphFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutableGraphFactory.class);

    /**
     * What graphql-java needs to generate a view's types: its scalars, and how its interfaces and unions resolve; the
     * fields are wired afterwards, from the view's routing.
     */
    private static final RuntimeWiring WIRING = wiring();

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

    /** Builds the graph from scratch, or throws when the view cannot be executed; nothing is swapped by building. */
    public ExecutableGraph build(SchemaView view) {
        return build(view, null);
    }

    /**
     * Builds the graph reusing what it can of {@code previous} (null: nothing), or throws when the view cannot be
     * executed. A view the previous graph cannot help with, for whatever reason, is built from scratch, which gives
     * the same graph or the reason it cannot be built.
     */
    public ExecutableGraph build(SchemaView view, ExecutableGraph previous) {
        RestResolution resolution = RestResolution.forView(view, client, client.settings(),
                previous == null ? null : previous.resolution());
        Built built = previous == null ? null : reuse(view, previous, resolution);
        return graph(view, resolution, built == null ? fromScratch(view, resolution) : built);
    }

    /** The graph built from {@code previous}; empty when it cannot be, where {@link #build(SchemaView, ExecutableGraph)} builds from scratch. */
    Optional<ExecutableGraph> buildFrom(SchemaView view, ExecutableGraph previous) {
        RestResolution resolution = RestResolution.forView(view, client, client.settings(), previous.resolution());
        return Optional.ofNullable(reuse(view, previous, resolution)).map(built -> graph(view, resolution, built));
    }

    private ExecutableGraph graph(SchemaView view, RestResolution resolution, Built built) {
        GraphQL.Builder engine = GraphQL.newGraphQL(built.schema())
                .preparsedDocumentProvider(new DocumentCache(DocumentCache.DEFAULT_ENTRIES, DocumentCache.DEFAULT_MAX_DOCUMENT_CHARS));
        if (!instrumentations.isEmpty()) {
            engine.instrumentation(new ViewInstrumentations(instrumentations.stream()
                    .map(i -> i.forView(view, resolution.downstreamCalls())).toList()));
        }
        return new ExecutableGraph(view, engine.build(), resolution, clock.instant(), recentOperations, built.definitions());
    }

    private record Built(GraphQLSchema schema, SdlDefinitions definitions) {
    }

    private static Built fromScratch(SchemaView view, RestResolution resolution) {
        Document document = SdlDefinitions.parse(view.sdl());
        SdlDefinitions definitions = SdlDefinitions.of(view.sdl(), document).orElse(null);
        GraphQLSchema generated = new SchemaGenerator().makeExecutableSchema(new SchemaParser().buildRegistry(document), WIRING);
        GraphQLCodeRegistry.Builder codeRegistry = GraphQLCodeRegistry.newCodeRegistry(generated.getCodeRegistry());
        resolution.wire(codeRegistry, definitions == null ? SdlDefinitions.byName(document) : definitions.definitions());
        return new Built(generated.transformWithoutTypes(b -> b.codeRegistry(codeRegistry.build())), definitions);
    }

    /** The graph built from the previous one, or null when it cannot be (it is then built from scratch). */
    private static Built reuse(SchemaView view, ExecutableGraph previous, RestResolution resolution) {
        if (previous.definitions() == null) {
            return null;
        }
        try {
            Optional<SdlDefinitions> read = SdlDefinitions.read(view.sdl(), previous.definitions());
            if (read.isEmpty()) {
                return null;
            }
            SdlDefinitions definitions = read.get();
            GraphQLSchema served = previous.graphQL().getGraphQLSchema();
            GraphQLSchema schema;
            if (definitions.changes().none()) {
                GraphQLCodeRegistry.Builder codeRegistry = GraphQLCodeRegistry.newCodeRegistry(served.getCodeRegistry());
                resolution.wire(codeRegistry, definitions.definitions());
                schema = served.transformWithoutTypes(b -> b.codeRegistry(codeRegistry.build()));
            } else {
                GraphQLCodeRegistry.Builder codeRegistry = GraphQLCodeRegistry.newCodeRegistry();
                resolution.wire(codeRegistry, definitions.definitions());
                schema = SchemaReuse.build(served, definitions, WIRING, codeRegistry);
            }
            return new Built(schema, definitions);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.info("View {} of graph {} is built from scratch: reusing view {} failed: {}", view.version(), view.graph(),
                    previous.view().version(), e.toString());
            return null;
        }
    }

    private static RuntimeWiring wiring() {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(RestResolution.typeWiring());
        PassThroughScalars.all().forEach(wiring::scalar);
        return wiring.build();
    }
}
