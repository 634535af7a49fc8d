package io.tributary.gateway.rest;

import graphql.schema.DataFetcher;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import io.tributary.compose.FieldRoute;
import io.tributary.compose.Routing;
import io.tributary.compose.ServiceEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Wires every routed field of a view to the REST call that resolves it, reading the route from the view's routing
 * rather than registering fetchers by hand. Calls to a service rotate over its live instances.
 */
public final class RestWiringFactory implements WiringFactory {
    private final Map<String, FieldRoute> routes;
    private final Routing routing;
    private final RestClient client;

    public RestWiringFactory(Routing routing, RestClient client) {
        this.routing = routing;
        this.client = client;
        this.routes = routing.fields().stream().collect(Collectors.toMap(FieldRoute::coordinate, Function.identity()));
    }

    @Override
    public boolean providesDataFetcher(FieldWiringEnvironment environment) {
        return routes.containsKey(coordinate(environment));
    }

    @Override
    public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
        FieldRoute route = routes.get(coordinate(environment));
        if (!RestFieldFetcher.resolves(route)) {
            return env -> {
                throw new UnsupportedOperationException("the gateway cannot resolve " + route.coordinate() + " ("
                        + route.operation().kind() + ", " + route.shape() + ") yet");
            };
        }
        return new RestFieldFetcher(route, rotating(route.service()), client);
    }

    /** Interfaces and unions: the concrete type is the field's own object type, or the possible type the data fits. */
    @Override
    public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
        return AbstractTypes::resolve;
    }

    @Override
    public boolean providesTypeResolver(UnionWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
        return AbstractTypes::resolve;
    }

    private Supplier<String> rotating(String service) {
        List<String> urls = routing.service(service).map(ServiceEndpoint::baseUrls).orElse(List.of());
        if (urls.isEmpty()) {
            throw new IllegalStateException("service " + service + " has routed fields but no live instance");
        }
        AtomicInteger next = new AtomicInteger();
        return () -> urls.get(Math.floorMod(next.getAndIncrement(), urls.size()));
    }

    private static String coordinate(FieldWiringEnvironment environment) {
        return environment.getParentType().getName() + "." + environment.getFieldDefinition().getName();
    }
}
