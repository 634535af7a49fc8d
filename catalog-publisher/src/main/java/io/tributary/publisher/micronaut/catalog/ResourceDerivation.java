package io.tributary.publisher.micronaut.catalog;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.async.annotation.SingleResult;
import io.micronaut.http.annotation.Controller;
import io.micronaut.inject.BeanDefinition;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import io.tributary.publisher.annotation.DeprecationReason;
import io.tributary.publisher.annotation.Description;
import io.tributary.publisher.annotation.Scopes;
import io.tributary.publisher.annotation.TributaryResource;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives one {@link Resource} from a {@link TributaryResource} controller's compile-time metadata: its routes become
 * operations, the element type its read routes return becomes the model, and its relation annotations the relations.
 */
final class ResourceDerivation {
    private static final List<OperationKind> MODEL_SOURCES =
            List.of(OperationKind.GET, OperationKind.MULTI_GET, OperationKind.GET_ALL, OperationKind.FINDER);
    private static final Set<OperationKind> RETURN_MANY =
            EnumSet.of(OperationKind.MULTI_GET, OperationKind.GET_ALL, OperationKind.FINDER);
    private static final Set<OperationKind> RETURN_ONE_OR_NOTHING =
            EnumSet.of(OperationKind.CREATE, OperationKind.UPDATE, OperationKind.PATCH);
    private static final String DEFAULT_DEPRECATION = "No longer supported";
    private static final Logger LOG = LoggerFactory.getLogger(ResourceDerivation.class);

    private final BeanDefinition<?> controller;
    private final String where;
    private final SerializationSettings settings;
    private final ModelSchemas schemas;

    private ResourceDerivation(BeanDefinition<?> controller, SerializationSettings settings) {
        this.controller = controller;
        this.where = controller.getBeanType().getSimpleName();
        this.settings = settings;
        this.schemas = new ModelSchemas(settings);
    }

    /** The resource of a controller whose models the service writes with these settings. */
    static Resource derive(BeanDefinition<?> controller, SerializationSettings settings) {
        return new ResourceDerivation(controller, settings).resource();
    }

    /** A route with everything derived from it. */
    private record Derived(Route route, OperationKinds.Classified classified, RouteParameters parameters,
            ResponseShape response) {
        OperationKind kind() {
            return classified.kind();
        }

        String identity() {
            return kind() + (classified.name().isEmpty() ? "" : " " + classified.name());
        }
    }

    private Resource resource() {
        AnnotationValue<TributaryResource> declaration = controller.getAnnotation(TributaryResource.class);
        String name = declaration.stringValue("name").orElse("");
        int version = declaration.intValue("version").orElse(1);
        String base = RoutePaths.normalize(controller.stringValue(Controller.class).orElse("/"), where);
        List<Route> declared = controller.getExecutableMethods().stream()
                .filter(Route::isRoute)
                .map(method -> Route.of(where, base, method))
                .sorted(Comparator.comparing(Route::where).thenComparing(r -> r.method().toString()))
                .toList();
        String collection = RoutePaths.collection(declared.stream().map(Route::relative).toList());
        List<Derived> routes = declared.stream().map(route -> route.below(collection)).map(this::derive).toList();
        requireDistinguishableRoutes(routes);
        requireDistinctOperations(routes);
        Derived modelSource = modelSource(routes, name + ".v" + version);
        Schema model = schemas.of(modelSource.response().element(), modelSource.route().where(), "the model");
        if (!schemas.leftOutWhenEmpty().isEmpty()) {
            LOG.info("{}: the service leaves {} out of its JSON when empty (micronaut.serde.serialization.inclusion is {}),"
                    + " so the graph has them nullable; NON_ABSENT writes them and keeps them non-null", where,
                    String.join(", ", schemas.leftOutWhenEmpty()), settings.inclusion());
        }
        routes.forEach(route -> requireModelShape(route, modelSource, model));
        List<Operation> operations = routes.stream()
                .sorted(Comparator.comparing(Derived::kind).thenComparing(d -> d.classified().name()))
                .map(this::operation)
                .toList();
        List<Relation> relations = RelationDeclarations.read(controller, where, model);
        String deprecation = deprecation(controller.hasAnnotation(Deprecated.class),
                controller.hasAnnotation(DeprecationReason.class),
                controller.stringValue(DeprecationReason.class).orElse(""), where);
        try {
            return new Resource(name, version, declaration.stringValue("description").orElse(""), model,
                    declaration.stringValue("keyField").orElse("id"), operations, relations, deprecation);
        } catch (InvalidCatalogException e) {
            throw new CatalogDeclarationException(where + ": " + e.getMessage());
        }
    }

    private Derived derive(Route route) {
        RouteParameters parameters = RouteParameters.read(route, schemas);
        OperationKinds.Classified classified = OperationKinds.classify(route, parameters);
        ResponseShape response = ResponseShape.of(route.method().getReturnType().asArgument(),
                route.method().hasAnnotation(SingleResult.class), settings, route.where());
        if (parameters.pagination().isPaged() && classified.kind() != OperationKind.GET_ALL
                && classified.kind() != OperationKind.FINDER) {
            throw new CatalogDeclarationException(route.where() + ": @Paged applies to get-all and finder routes, not to a "
                    + classified.kind());
        }
        return new Derived(route, classified, parameters, response);
    }

    /** Micronaut refuses, at request time, a request that two unconditional routes match; refuse them at startup. */
    private static void requireDistinguishableRoutes(List<Derived> routes) {
        Map<String, List<Route>> byRequest = routes.stream().map(Derived::route)
                .collect(Collectors.groupingBy(r -> r.httpMethod() + " " + r.path(), TreeMap::new, Collectors.toList()));
        byRequest.forEach((request, same) -> {
            if (same.size() > 1 && !same.stream().allMatch(Route::isConditional)) {
                throw new CatalogDeclarationException(same.stream().map(Route::where).collect(Collectors.joining(" and "))
                        + " both answer " + request + ", which Micronaut cannot tell apart; give each a @RouteCondition,"
                        + " such as @RouteCondition(IdsParameter.PRESENT) and @RouteCondition(IdsParameter.ABSENT)");
            }
        });
    }

    private static void requireDistinctOperations(List<Derived> routes) {
        Map<String, Derived> seen = new HashMap<>();
        for (Derived route : routes) {
            Derived first = seen.putIfAbsent(route.identity(), route);
            if (first != null) {
                throw new CatalogDeclarationException(route.route().where() + ": declares " + route.identity()
                        + ", which " + first.route().where() + " declares already");
            }
        }
    }

    /** The read route whose elements define the model: the GET, else the MULTI_GET, GET_ALL or first finder. */
    private Derived modelSource(List<Derived> routes, String resource) {
        Derived source = routes.stream()
                .filter(r -> MODEL_SOURCES.contains(r.kind()) && !r.response().isEmpty())
                .min(Comparator.comparing((Derived r) -> MODEL_SOURCES.indexOf(r.kind())))
                .orElseThrow(() -> new CatalogDeclarationException(where + ": " + resource
                        + " has no GET, MULTI_GET, GET_ALL or FINDER route returning elements to take its model from"));
        Class<?> type = source.response().element().getType();
        if (!ModelSchemas.isRecord(type)) {
            throw new CatalogDeclarationException(source.route().where() + ": returns " + source.response().describe()
                    + ", but the model of " + resource + " must be an introspected record (annotate it with @Serdeable)");
        }
        return source;
    }

    private static void requireModelShape(Derived route, Derived modelSource, Schema model) {
        OperationKind kind = route.kind();
        ResponseShape response = route.response();
        boolean shapeFits = switch (kind) {
            case GET -> !response.isEmpty() && !response.many();
            case MULTI_GET, GET_ALL, FINDER -> response.many();
            case CREATE, UPDATE, PATCH -> !response.many();
            case DELETE, ACTION, CALL -> true;
        };
        if (!shapeFits) {
            String expected = RETURN_MANY.contains(kind) ? "a List or a Page of " + model.getName()
                    : RETURN_ONE_OR_NOTHING.contains(kind) ? "one " + model.getName() + " or nothing" : "one " + model.getName();
            throw new CatalogDeclarationException(route.route().where() + ": a " + kind + " returns " + expected
                    + ", not " + response.describe());
        }
        boolean returnsModel = kind != OperationKind.DELETE && kind != OperationKind.ACTION && !response.isEmpty();
        Class<?> modelType = modelSource.response().element().getType();
        if (returnsModel && response.element().getType() != modelType) {
            throw new CatalogDeclarationException(route.route().where() + ": returns " + response.describe()
                    + ", but the model is " + modelType.getSimpleName() + " (from " + modelSource.route().where() + ")");
        }
        if (kind == OperationKind.PATCH && model.getField(route.classified().name()) == null) {
            throw new CatalogDeclarationException(route.route().where() + ": @PartialUpdate(\"" + route.classified().name()
                    + "\") names no field of " + model.getName());
        }
    }

    private Operation operation(Derived derived) {
        Route route = derived.route();
        String deprecation = deprecation(route.declares(Deprecated.class), route.declares(DeprecationReason.class),
                route.declared(DeprecationReason.class).orElse(""), route.where());
        try {
            return Operation.builder(derived.kind(), route.httpMethod(), route.path())
                    .name(derived.classified().name())
                    .parameters(derived.parameters().parameters())
                    .pagination(derived.parameters().pagination())
                    .envelope(derived.response().envelope())
                    .scopes(scopes(route))
                    .deprecated(deprecation)
                    .description(route.declared(Description.class).orElse(""))
                    .build();
        } catch (InvalidCatalogException e) {
            throw new CatalogDeclarationException(route.where() + ": " + e.getMessage());
        }
    }

    /** The controller's scopes followed by the route's own, each once. */
    private List<String> scopes(Route route) {
        Stream<String> own = route.declares(Scopes.class) ? Stream.of(route.method().stringValues(Scopes.class)) : Stream.empty();
        Stream<String> resource = controller.hasAnnotation(Scopes.class)
                ? Stream.of(controller.stringValues(Scopes.class)) : Stream.empty();
        return List.copyOf(Stream.concat(resource, own).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static String deprecation(boolean deprecated, boolean hasReason, String reason, String where) {
        if (hasReason && !deprecated) {
            throw new CatalogDeclarationException(where + ": @DeprecationReason without @Deprecated; add @Deprecated too");
        }
        if (!deprecated) {
            return "";
        }
        return reason.isBlank() ? DEFAULT_DEPRECATION : reason;
    }
}
