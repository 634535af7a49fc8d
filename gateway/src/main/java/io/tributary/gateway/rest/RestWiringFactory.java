package io.tributary.gateway.rest;

import graphql.schema.DataFetcher;
import graphql.schema.idl.FieldWiringEnvironment;
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
        return new RestFieldFetcher(route, rotating(route.service()), client);
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
