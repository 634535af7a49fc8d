package io.tributary.gateway.schema;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.tributary.gateway.rest.RestClient;
import io.tributary.gateway.rest.RestWiringFactory;
import io.tributary.view.SchemaView;
import java.time.Clock;

/** Turns a schema view into an executable graph: parse the SDL, wire routed fields to REST, build the engine. */
public final class ExecutableGraphFactory {
    private final RestClient client;
    private final Clock clock;

    public ExecutableGraphFactory(RestClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Builds the graph, or throws when the view cannot be executed; nothing is swapped by building. */
    public ExecutableGraph build(SchemaView view) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .wiringFactory(new RestWiringFactory(view.routing(), client));
        PassThroughScalars.all().forEach(wiring::scalar);
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(view.sdl()), wiring.build());
        return new ExecutableGraph(view, GraphQL.newGraphQL(schema).build(), clock.instant());
    }
}
