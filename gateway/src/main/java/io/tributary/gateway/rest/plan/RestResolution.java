package io.tributary.gateway.rest.plan;

import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetcherFactory;
import graphql.schema.DataFetcherFactoryEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.TypeResolver;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.rest.fetch.PropertyFetcher;
import io.tributary.gateway.rest.fetch.RequestScope;
import io.tributary.text.Printable;
import io.tributary.view.SchemaView;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dataloader.DataLoaderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one view's fields are resolved over REST: built once per view (call templates, JSON pointers, bindings, the
 * host allowlist check), it wires every field of the view from its routing (a routed field gets the fetcher of its
 * REST route, a field curation renamed reads its original JSON property, and every other field reads the property of
 * its own name from the parent's JSON), estimates the downstream calls of an operation from the same plans, and per
 * request gives the data loaders that batch and deduplicate its calls.
 */
public final class RestResolution {
    private static final Logger LOG = LoggerFactory.getLogger(RestResolution.class);

    private final RoutePlans plans;
    private final RestClient client;
    private final DownstreamCalls downstreamCalls;
    private final int maxCallsPerRequest;

    private RestResolution(RoutePlans plans, RestClient client, int maxCallsPerRequest) {
        this.plans = plans;
        this.client = client;
        this.downstreamCalls = new DownstreamCalls(plans, maxCallsPerRequest);
        this.maxCallsPerRequest = maxCallsPerRequest;
    }

    /**
     * Plans the view's REST calls with these settings, taking over what it can of the plans of {@code previous}, the
     * resolution of the view served before (null: none); calls go out through {@code client}. Services the allowlist
     * keeps out, wholly or in part, are logged as warnings here, once per view.
     */
    public static RestResolution forView(SchemaView view, RestClient client, RestSettings settings, RestResolution previous) {
        RoutePlans plans = new RoutePlans(view.routing(), settings, previous == null ? null : previous.plans);
        plans.unrouted().forEach((service, reason) -> LOG.warn("View {} of graph {}: service {} is not routed: {}",
                view.version(), Printable.of(view.graph()), Printable.of(service), Printable.of(reason)));
        plans.refusedBaseUrls().forEach((service, urls) -> LOG.warn("View {} of graph {}: service {} is called only through its "
                + "allowed instances; {} refused by the allow list {} or the deny list {} of downstream hosts", view.version(),
                Printable.of(view.graph()), Printable.of(service), Printable.of(urls.toString()), settings.allowedHosts(),
                settings.deniedHosts()));
        return new RestResolution(plans, client, settings.maxCallsPerRequest());
    }

    /** Interfaces and unions: the concrete type is the field's own object type, or the possible type the data fits. */
    private static final WiringFactory TYPE_WIRING = new WiringFactory() {
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
    };

    /** How graphql-java resolves the view's interfaces and unions while it generates the view's types. */
    public static WiringFactory typeWiring() {
        return TYPE_WIRING;
    }

    /**
     * What every field of a view reads when it is neither routed nor renamed: the property of its own name in its
     * parent's JSON. It is the registries' default fetcher rather than an entry per field, so that a Coursera-scale
     * view registers its 7,000 routed fields and not 40,000 (each swap built maps of all of them, megabytes that lived
     * as long as the graph and filled the old generation: docs/benchmarks.md §1, session 7). One fetcher per property
     * name, shared by all views.
     */
    private static final DataFetcherFactory<Object> PROPERTIES = new DataFetcherFactory<>() {
        private final Map<String, PropertyFetcher> byName = new ConcurrentHashMap<>();

        @Override
        public DataFetcher<Object> get(GraphQLFieldDefinition field) {
            // a plain read first: computeIfAbsent locks the bin of a key it finds behind another, and every request's
            // every property field comes here
            PropertyFetcher known = byName.get(field.getName());
            return known != null ? known : byName.computeIfAbsent(field.getName(), PropertyFetcher::new);
        }

        @Override
        public DataFetcher<Object> get(DataFetcherFactoryEnvironment environment) {
            return get(environment.getFieldDefinition());
        }
    };

    /**
     * Registers the data fetcher of every routed or renamed field of the view's object types, whose definitions are
     * {@code types}, makes every other field read the property of its name, and registers the type resolver of its
     * interfaces and unions, replacing whatever {@code registry} had for them. It goes through the routes, not through
     * the 40,000 fields of a Coursera-scale view of which 7,000 are routed.
     */
    public void wire(GraphQLCodeRegistry.Builder registry, Map<String, TypeDefinition<?>> types) {
        registry.defaultDataFetcher(PROPERTIES);
        Map<String, Map<String, FieldDefinition>> fields = new HashMap<>();
        for (FieldRoute route : plans.routed()) {
            FieldDefinition field = field(types, fields, route.parentType(), route.field());
            if (field != null) {
                registry.dataFetcher(FieldCoordinates.coordinates(route.parentType(), route.field()),
                        plans.fetcher(route.coordinate(), field, types));
            }
        }
        plans.renamed().forEach((coordinate, property) -> {
            int dot = coordinate.indexOf('.');
            if (!plans.routes(coordinate) && dot > 0
                    && field(types, fields, coordinate.substring(0, dot), coordinate.substring(dot + 1)) != null) {
                registry.dataFetcher(FieldCoordinates.coordinates(coordinate.substring(0, dot), coordinate.substring(dot + 1)),
                        new PropertyFetcher(property));
            }
        });
        for (TypeDefinition<?> type : types.values()) {
            if (type instanceof InterfaceTypeDefinition || type instanceof UnionTypeDefinition) {
                registry.typeResolver(type.getName(), AbstractTypes::resolve);
            }
        }
    }

    /** The definition of a field of an object type of the view; null when there is no such type or field. */
    private static FieldDefinition field(Map<String, TypeDefinition<?>> types, Map<String, Map<String, FieldDefinition>> byType,
                                         String type, String field) {
        if (!(types.get(type) instanceof ObjectTypeDefinition object)) {
            return null;
        }
        return byType.computeIfAbsent(type, t -> {
            Map<String, FieldDefinition> byName = new HashMap<>();
            object.getFieldDefinitions().forEach(definition -> byName.putIfAbsent(definition.getName(), definition));
            return byName;
        }).get(field);
    }

    /** The most REST calls the fields of this view make, from the plans its fetchers were made from. */
    public DownstreamCalls downstreamCalls() {
        return downstreamCalls;
    }

    /**
     * The services this view names but the gateway does not call, with the reason (a base URL outside the allow list or
     * on the deny list of downstream hosts, or no live instance), for operators; their fields fail with a NOT_ROUTED
     * error that names the service only.
     */
    public Map<String, String> unroutedServices() {
        return plans.unrouted();
    }

    /** Fresh data loaders for one request, forwarding its allowed headers on every call it makes. */
    public DataLoaderRegistry newRequestRegistry(GatewayRequest request) {
        return new RequestScope(plans.loaders(), client, request.forwardedHeaders(), maxCallsPerRequest);
    }
}
