package io.tributary.gateway.rest.plan;

import graphql.language.FieldDefinition;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
import graphql.schema.idl.TypeUtil;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Pagination;
import io.tributary.compose.FieldRoute;
import io.tributary.compose.FieldRoute.Link;
import io.tributary.compose.Routing;
import io.tributary.compose.ServiceEndpoint;
import io.tributary.gateway.rest.client.DownstreamException;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.rest.client.ServiceTarget;
import io.tributary.gateway.rest.fetch.ByIdFetcher;
import io.tributary.gateway.rest.fetch.CallFetcher;
import io.tributary.gateway.rest.fetch.CallRelationFetcher;
import io.tributary.gateway.rest.fetch.ConnectionFetcher;
import io.tributary.gateway.rest.fetch.DeleteFetcher;
import io.tributary.gateway.rest.fetch.FailingFetcher;
import io.tributary.gateway.rest.fetch.FinderFetch;
import io.tributary.gateway.rest.fetch.ForwardFetcher;
import io.tributary.gateway.rest.fetch.ListFetcher;
import io.tributary.gateway.rest.fetch.MultiGetFetcher;
import io.tributary.gateway.rest.fetch.OneCallFetcher;
import io.tributary.gateway.rest.fetch.OperationTemplate;
import io.tributary.gateway.rest.fetch.PagedFetcher;
import io.tributary.gateway.rest.fetch.Projection;
import io.tributary.gateway.rest.fetch.RelationLoad;
import io.tributary.gateway.rest.fetch.RequestScope;
import io.tributary.gateway.rest.fetch.ResourceFetch;
import io.tributary.gateway.rest.fetch.ReverseFetcher;
import io.tributary.gateway.rest.fetch.ThroughFetch;
import io.tributary.gateway.rest.fetch.ThroughFetcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dataloader.DataLoader;

/**
 * Everything one view's routing needs at request time, worked out once when the view is applied: where each service
 * answers (and which ones the allowlist keeps out), each operation's call template, a fetch by id per resource, a
 * fetch per finder that reverse relations use, a fetch per through relation, the loaders a request makes from them,
 * and which properties each field of each type reads (a call relation's arguments read its parent's).
 *
 * <p>Planned after the view served before it, with the same settings, the plans take the previous plans' service
 * targets, call templates and fetches wherever they are made of the same parts: a change touches a few services of
 * a Coursera-scale view, and planning the rest afresh made megabytes per swap that lived as long as the graph
 * (docs/benchmarks.md §1, session 7). A target taken over keeps its turn among the instances.
 */
final class RoutePlans {
    private final RestSettings settings;
    private final Map<String, ServiceTarget> targets = new TreeMap<>();
    private final Map<String, FieldRoute> routes = new LinkedHashMap<>();
    private final Map<String, Map<OperationKind, Operation>> operations = new HashMap<>();
    private final Map<String, ResourceFetch> resources = new HashMap<>();
    /** Each operation's call template, made once however many fields and fetches call the operation. */
    private final Map<Operation, OperationTemplate> templates = new IdentityHashMap<>();
    /** The first route of each resource: whose service and key field its fetch by id uses. */
    private final Map<String, FieldRoute> firstRoutes = new HashMap<>();
    private final Map<String, FinderFetch> finders = new HashMap<>();
    private final Map<String, BiFunction<String, RequestScope, DataLoader<?, ?>>> loaders = new HashMap<>();
    private final Map<String, Map<String, List<String>>> propertiesByType = new HashMap<>();
    private final Map<String, String> unresolvable = new HashMap<>();
    /** For each MULTI_GET field, the GraphQL argument holding its ids. */
    private final Map<String, String> multiGetIds = new HashMap<>();
    private final Map<String, String> renamed;
    /** The base URLs each service's target was made from. */
    private final Map<String, List<String>> baseUrls = new HashMap<>();
    /** The fetch behind each loader, with the parts it was made of. */
    private final Map<String, Planned> fetches = new HashMap<>();
    private final Plans previous;

    /** A loader's fetch, and the parts (targets and templates by identity, the rest by value) it was made of. */
    private record Planned(List<?> parts, Object fetch, BiFunction<String, RequestScope, DataLoader<?, ?>> loader) {
    }

    /** What the plans of the view before are looked up in: its targets, base URLs, templates and fetches. */
    private record Plans(Map<String, ServiceTarget> targets, Map<String, List<String>> baseUrls,
                         Map<Operation, OperationTemplate> templates, Map<String, Planned> fetches) {
        static final Plans NONE = new Plans(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The plans of a view's routing, from scratch. */
    RoutePlans(Routing routing, RestSettings settings) {
        this(routing, settings, null);
    }

    /** The plans of a view's routing, taking what they can from {@code previous} (null: nothing). */
    RoutePlans(Routing routing, RestSettings settings, RoutePlans previous) {
        this.settings = settings;
        this.renamed = routing.properties();
        this.previous = previous == null || previous.settings != settings ? Plans.NONE
                : new Plans(previous.targets, previous.baseUrls, previous.templates, previous.fetches);
        for (ServiceEndpoint endpoint : routing.services()) {
            targets.put(endpoint.service(), target(endpoint.service(), endpoint.baseUrls()));
        }
        for (FieldRoute route : routing.fields()) {
            routes.put(route.coordinate(), route);
            targets.computeIfAbsent(route.service(), service -> target(service, List.of()));
            if (route.operation().kind() == OperationKind.GET || route.operation().kind() == OperationKind.MULTI_GET
                    || route.operation().kind() == OperationKind.GET_ALL) {
                operations.computeIfAbsent(route.resource(), r -> new EnumMap<>(OperationKind.class))
                        .putIfAbsent(route.operation().kind(), route.operation());
            }
        }
        routes.values().forEach(route -> firstRoutes.putIfAbsent(route.resource(), route));
        operations.forEach(this::planResource);
        for (FieldRoute route : routing.fields()) {
            switch (route.link()) {
                case Link.Reverse reverse -> planFinder(route);
                case Link.Through through -> planThrough(route, through);
                default -> planFetchById(route);
            }
        }
        planProperties();
    }

    /** Services the gateway does not call, with the reason. */
    Map<String, String> unrouted() {
        Map<String, String> unrouted = new TreeMap<>();
        targets.forEach((service, target) -> {
            if (!target.routed()) {
                unrouted.put(service, target.unroutedReason());
            }
        });
        return unrouted;
    }

    /** Base URLs the allowlist refused for services that are routed through their other instances, by service. */
    Map<String, List<String>> refusedBaseUrls() {
        Map<String, List<String>> refused = new TreeMap<>();
        targets.forEach((service, target) -> {
            if (target.routed() && !target.refused().isEmpty()) {
                refused.put(service, target.refused());
            }
        });
        return refused;
    }

    Map<String, BiFunction<String, RequestScope, DataLoader<?, ?>>> loaders() {
        return loaders;
    }

    boolean routes(String coordinate) {
        return routes.containsKey(coordinate);
    }

    /** The view's routed fields, one per coordinate. */
    Collection<FieldRoute> routed() {
        return routes.values();
    }

    /** The original property each curated field reads, by the field's coordinate. */
    Map<String, String> renamed() {
        return renamed;
    }

    /** The data fetcher of a routed field, {@code field} of the view whose type definitions are {@code types}. */
    DataFetcher<?> fetcher(String coordinate, FieldDefinition field, Map<String, TypeDefinition<?>> types) {
        ViewField env = new ViewField(field, types);
        FieldRoute route = routes.get(coordinate);
        Optional<ServiceTarget> unrouted = servicesOf(route).stream().map(targets::get).filter(t -> !t.routed()).findFirst();
        if (unrouted.isPresent()) {
            return new FailingFetcher(route.shape(), DownstreamException.notRouted(unrouted.get().service()));
        }
        if (unresolvable.containsKey(coordinate)) {
            return new FailingFetcher(route.shape(), new DownstreamException(route.service(), DownstreamException.Code.NOT_ROUTED, 0,
                    "The gateway cannot resolve " + coordinate + ": " + unresolvable.get(coordinate)));
        }
        ServiceTarget target = targets.get(route.service());
        return switch (route.link()) {
            case Link.Root root -> rootFetcher(route, root, target, env);
            case Link.Forward forward -> new ForwardFetcher(new RelationLoad.Forward(forward.sourceField(),
                    ResourceFetch.loaderName(route.resource())), resources.get(route.resource()), route.shape(),
                    projection(route, env, resources.get(route.resource()).projects()));
            case Link.Reverse reverse -> new ReverseFetcher((RelationLoad.Reverse) relation(route),
                    projection(route, env, finders.get(finderName(route)).projects()));
            case Link.Through through -> new ThroughFetcher(ThroughFetch.loaderName(route.coordinate()), route.shape(),
                    projection(route, env, projects(routes.get(through.hops().getLast()))));
            case Link.Call call -> new CallRelationFetcher(target, template(route.operation()), call.arguments(), answersNothing(env));
        };
    }

    /**
     * The most REST calls the {@link #fetcher} of a field makes for {@code parents} parents at one level, with these
     * arguments: none for a field that is not routed or cannot be resolved; one per parent for a root field (a page of
     * a list, a GET, a mutation), except a MULTI_GET, which makes one per batch of its ids, and a {@code Paged} page
     * over service cursors, which walks the pages before it; for a forward relation, one per batch of parents when its
     * target has a MULTI_GET, else one per parent; for a reverse relation, one per batch of parents when its finder
     * takes a list, else one per parent; a through relation, its hops'; a call relation, one per parent. Pages a service cuts shorter than asked make
     * more calls than this; the request's call limit catches those.
     */
    long calls(String coordinate, long parents, Map<String, Object> arguments) {
        FieldRoute route = routes.get(coordinate);
        if (route == null || unresolvable.containsKey(coordinate)
                || servicesOf(route).stream().map(targets::get).anyMatch(target -> !target.routed())) {
            return 0;
        }
        return switch (route.link()) {
            case Link.Root root -> Saturating.multiply(parents, rootCalls(route, arguments));
            case Link.Forward forward -> resources.get(route.resource()).calls(parents);
            case Link.Reverse reverse -> finders.get(finderName(route)).calls(parents);
            case Link.Through through -> through.hops().stream().mapToLong(hop -> calls(hop, parents, Map.of()))
                    .reduce(0, Saturating::add);
            case Link.Call call -> parents;
        };
    }

    /** A MULTI_GET's batches of ids; a {@code Paged} page over service cursors, the pages walked to reach it; else one. */
    private long rootCalls(FieldRoute route, Map<String, Object> arguments) {
        if (route.operation().kind() == OperationKind.MULTI_GET && arguments.get(multiGetIds.get(route.coordinate())) instanceof List<?> ids) {
            return resources.get(route.resource()).calls(ids.size());
        }
        if (route.shape() == FieldRoute.Shape.PAGED && route.operation().pagination().style() == Pagination.Style.CURSOR
                && arguments.get("page") instanceof Number page) {
            return Math.max(0, page.longValue()) + 1;
        }
        return 1;
    }

    /** A field being wired, and the view's types, where a connection's or a page's element type is looked up. */
    private record ViewField(FieldDefinition definition, Map<String, TypeDefinition<?>> types) {
    }

    private DataFetcher<?> rootFetcher(FieldRoute route, Link.Root root, ServiceTarget target, ViewField env) {
        OperationTemplate operation = template(route.operation());
        ResourceFetch resource = resources.get(route.resource());
        Map<String, String> bindings = root.arguments();
        Projection projection = projection(route, env, operation.projection());
        return switch (route.operation().kind()) {
            case GET -> resource != null && operation.pathParameter() != null && bindings.containsKey(operation.pathParameter())
                    ? new ByIdFetcher(resource, bindings.get(operation.pathParameter()), projection(route, env, resource.projects()))
                    : new OneCallFetcher(target, operation, bindings, projection, route.resource(), route.keyField());
            case MULTI_GET -> new MultiGetFetcher(resource, multiGetIds.get(route.coordinate()),
                    projection(route, env, resource.projects()), getAll(route.resource()), settings.listBound());
            case GET_ALL, FINDER -> switch (route.shape()) {
                case CONNECTION -> new ConnectionFetcher(target, operation, bindings, projection, settings.listBound());
                case PAGED -> new PagedFetcher(target, operation, bindings, projection);
                default -> new ListFetcher(target, operation, bindings, projection, settings.listBound());
            };
            case DELETE -> new DeleteFetcher(target, operation, bindings);
            case CREATE, UPDATE, PATCH, ACTION -> new OneCallFetcher(target, operation, bindings, projection, route.resource(),
                    route.keyField());
            case CALL -> new CallFetcher(target, operation, bindings, answersNothing(env));
        };
    }

    /** An operation field of type {@code Boolean!} is one whose service answers no content (see the composer's CallField). */
    private static boolean answersNothing(ViewField env) {
        return env.definition().getType() instanceof NonNullType nonNull && nonNull.getType() instanceof TypeName name
                && name.getName().equals("Boolean");
    }

    private ServiceTarget target(String service, List<String> urls) {
        baseUrls.put(service, urls);
        ServiceTarget before = previous.targets().get(service);
        return before != null && urls.equals(previous.baseUrls().get(service)) ? before : ServiceTarget.of(service, urls, settings);
    }

    private OperationTemplate template(Operation operation) {
        return templates.computeIfAbsent(operation, o -> {
            OperationTemplate before = previous.templates().get(o);
            return before != null ? before : OperationTemplate.of(o);
        });
    }

    /**
     * The fetch behind the loader {@code name}: the previous plans' when made of the same {@code parts}, else a new
     * one; {@code loader} makes a request's loader from it.
     */
    @SuppressWarnings("unchecked")
    private <T> T fetch(String name, List<?> parts, Supplier<T> fetch, Function<T, BiFunction<String, RequestScope, DataLoader<?, ?>>> loader) {
        Planned before = previous.fetches().get(name);
        Planned planned;
        if (before != null && before.parts().equals(parts)) {
            planned = before;
        } else {
            T made = fetch.get();
            planned = new Planned(parts, made, loader.apply(made));
        }
        fetches.put(name, planned);
        loaders.put(name, planned.loader());
        return (T) planned.fetch();
    }

    private OperationTemplate getAll(String resource) {
        Operation operation = operations.getOrDefault(resource, Map.of()).get(OperationKind.GET_ALL);
        return operation == null ? null : template(operation);
    }

    private void planResource(String resource, Map<OperationKind, Operation> kinds) {
        Operation get = kinds.get(OperationKind.GET);
        Operation multiGet = kinds.get(OperationKind.MULTI_GET);
        if (get == null && multiGet == null) {
            return;
        }
        FieldRoute any = firstRoutes.get(resource);
        ServiceTarget target = targets.get(any.service());
        OperationTemplate getTemplate = get == null ? null : template(get);
        OperationTemplate multiGetTemplate = multiGet == null ? null : template(multiGet);
        try {
            resources.put(resource, fetch(ResourceFetch.loaderName(resource), Arrays.asList(target, getTemplate, multiGetTemplate,
                    any.keyField()), () -> new ResourceFetch(resource, target, getTemplate, multiGetTemplate, any.keyField(),
                    settings.batchSize()), fetch -> fetch::newLoader));
        } catch (IllegalArgumentException e) {
            // neither operation can fetch by id; fields that read this resource make single calls
        }
    }

    private void planFinder(FieldRoute route) {
        String name = finderName(route);
        if (!finders.containsKey(name)) {
            ServiceTarget target = targets.get(route.service());
            OperationTemplate finder = template(route.operation());
            finders.put(name, fetch(name, List.of(target, finder), () -> new FinderFetch(target, finder, settings.batchSize(),
                    settings.listBound()), fetch -> fetch::newLoader));
        }
    }

    private void planThrough(FieldRoute route, Link.Through through) {
        List<FieldRoute> hops = new ArrayList<>();
        for (String coordinate : through.hops()) {
            FieldRoute hop = routes.get(coordinate);
            if (hop == null || !(hop.link() instanceof Link.Forward || hop.link() instanceof Link.Reverse)) {
                unresolvable.put(route.coordinate(), "it follows " + coordinate
                        + ", which this view does not route as a forward or reverse relation");
                return;
            }
            if (hop.link() instanceof Link.Forward && !resources.containsKey(hop.resource())) {
                unresolvable.put(route.coordinate(), "it follows " + coordinate + ", whose target cannot be fetched by id");
                return;
            }
            hops.add(hop);
        }
        List<RelationLoad> relations = new ArrayList<>();
        List<List<String>> hopFields = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            FieldRoute hop = hops.get(i);
            relations.add(relation(hop));
            if (i < hops.size() - 1) {
                hopFields.add(projects(hop) ? withKey(hop.keyField(), relation(hops.get(i + 1)).needs()) : null);
            }
        }
        fetch(ThroughFetch.loaderName(route.coordinate()), Arrays.asList(relations, hopFields, route.keyField()),
                () -> new ThroughFetch(relations, hopFields, route.keyField()), fetch -> fetch::newLoader);
    }

    /** Forward relations and MULTI_GET fields need their resource's fetch by id. */
    private void planFetchById(FieldRoute route) {
        boolean multiGet = route.link() instanceof Link.Root && route.operation().kind() == OperationKind.MULTI_GET;
        if (multiGet && route.link() instanceof Link.Root root) {
            String parameter = template(route.operation()).queryParameter();
            multiGetIds.put(route.coordinate(), parameter == null ? "ids" : root.arguments().getOrDefault(parameter, "ids"));
        }
        if ((multiGet || route.link() instanceof Link.Forward) && !resources.containsKey(route.resource())) {
            unresolvable.put(route.coordinate(), route.resource()
                    + " has neither a GET with a path id nor a MULTI_GET with an ids parameter");
        }
    }

    private RelationLoad relation(FieldRoute route) {
        return switch (route.link()) {
            case Link.Forward forward -> new RelationLoad.Forward(forward.sourceField(), ResourceFetch.loaderName(route.resource()));
            case Link.Reverse reverse -> new RelationLoad.Reverse(reverse.arguments(), finderName(route));
            default -> throw new IllegalArgumentException(route.coordinate() + " is not a forward or reverse relation");
        };
    }

    /** Whether the call a relation hop makes can be narrowed with {@code fields=}. */
    private boolean projects(FieldRoute hop) {
        return switch (hop.link()) {
            case Link.Forward forward -> resources.get(hop.resource()).projects();
            case Link.Reverse reverse -> hop.operation().projection();
            case Link.Through through -> projects(routes.get(through.hops().getLast()));
            case Link.Root root -> hop.operation().projection();
            case Link.Call call -> false;
        };
    }

    /** The services a field's calls go to: its own, and for a through relation every hop's. */
    private List<String> servicesOf(FieldRoute route) {
        if (route.link() instanceof Link.Through through) {
            List<String> services = new ArrayList<>(List.of(route.service()));
            through.hops().stream().map(routes::get).filter(Objects::nonNull).map(FieldRoute::service)
                    .filter(s -> !services.contains(s)).forEach(services::add);
            return services;
        }
        return List.of(route.service());
    }

    private static String finderName(FieldRoute route) {
        return FinderFetch.loaderName(route.resource(), route.operation().name());
    }

    /** For every relation field and renamed field of every type, the properties of the parent it reads. */
    private void planProperties() {
        for (FieldRoute route : routes.values()) {
            List<String> needs = switch (route.link()) {
                case Link.Forward forward -> List.of(forward.sourceField());
                case Link.Reverse reverse -> relation(route).needs();
                case Link.Through through -> unresolvable.containsKey(route.coordinate()) ? null
                        : relation(routes.get(through.hops().getFirst())).needs();
                case Link.Root root -> null;
                case Link.Call call -> CallRelationFetcher.needs(call.arguments());
            };
            if (needs != null) {
                propertiesByType.computeIfAbsent(route.parentType(), t -> new HashMap<>()).put(route.field(), needs);
            }
        }
        renamed.forEach((coordinate, property) -> {
            int dot = coordinate.indexOf('.');
            propertiesByType.computeIfAbsent(coordinate.substring(0, dot), t -> new HashMap<>())
                    .put(coordinate.substring(dot + 1), List.of(property));
        });
    }

    private Projection projection(FieldRoute route, ViewField env, boolean projects) {
        if (!projects) {
            return Projection.NONE;
        }
        String type = elementType(route, env);
        Map<String, List<String>> properties = propertiesByType.getOrDefault(type, Map.of());
        return switch (route.shape()) {
            case CONNECTION -> Projection.connection(route.keyField(), properties);
            case PAGED -> Projection.paged(route.keyField(), properties);
            default -> Projection.elements(route.keyField(), properties);
        };
    }

    /** The type of the elements a field returns: its own type, or the type of a connection's nodes or a page's items. */
    private static String elementType(FieldRoute route, ViewField env) {
        String type = name(env.definition().getType());
        String inner = switch (route.shape()) {
            case CONNECTION -> "nodes";
            case PAGED -> "items";
            default -> null;
        };
        if (inner == null) {
            return type;
        }
        if (!(env.types().get(type) instanceof ObjectTypeDefinition definition)) {
            return type;
        }
        return definition.getFieldDefinitions().stream().filter(f -> f.getName().equals(inner)).findFirst()
                .map(FieldDefinition::getType).map(RoutePlans::name).orElse(type);
    }

    private static String name(Type<?> type) {
        return TypeUtil.unwrapAll(type).getName();
    }

    private static List<String> withKey(String keyField, List<String> needs) {
        TreeSet<String> fields = new TreeSet<>(needs);
        fields.add(keyField);
        return List.copyOf(fields);
    }
}
