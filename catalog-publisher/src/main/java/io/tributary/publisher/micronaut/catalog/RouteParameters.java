package io.tributary.publisher.micronaut.catalog;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.cookie.Cookies;
import io.tributary.catalog.Pagination;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.PathTemplate;
import io.tributary.publisher.annotation.Description;
import io.tributary.publisher.annotation.Paged;
import java.lang.annotation.Annotation;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * The catalog parameters of a route, read from its Java arguments: {@code @PathVariable}, {@code @QueryValue} and
 * {@code @Body} say where each travels (an unannotated argument is a path variable when the path names it, else a
 * query value on GET and DELETE), its Java type gives its schema, and {@code @Nullable}, {@code Optional} or a
 * default value make it optional. The paging parameters of a {@link Paged} route are described by its pagination,
 * not listed. Headers, cookies, the request and the principal are the gateway's business, not the catalog's.
 *
 * <p>The body is either one record ({@code @Body Course course}: the whole JSON body) or named properties of a JSON
 * object ({@code @Body("title") String title}), never both, so a lone record BODY parameter always means the whole
 * body to the gateway.
 */
record RouteParameters(List<Parameter> parameters, Pagination pagination) {
    private static final Set<Class<?>> REQUEST_PARTS = Set.of(HttpRequest.class, HttpHeaders.class,
            HttpParameters.class, Cookies.class, Principal.class);
    private static final List<Class<? extends Annotation>> NOT_IN_CATALOG =
            List.of(Header.class, CookieValue.class, RequestAttribute.class);

    static RouteParameters read(Route route, ModelSchemas schemas) {
        List<String> pathVariables = PathTemplate.variables(route.path());
        List<Parameter> parameters = new ArrayList<>();
        for (Argument<?> argument : route.method().getArguments()) {
            if (isRequestPart(argument)) {
                continue;
            }
            Location location = location(route, argument, pathVariables);
            String name = name(argument, location);
            Schema schema = schemas.of(argument, route.where(), "argument " + name);
            String description = argument.getAnnotationMetadata().stringValue(Description.class).orElse("");
            boolean required = location == Location.PATH || isRequired(argument);
            parameters.add(new Parameter(name, schema, location, required, description));
        }
        requireOneKindOfBody(route, parameters);
        Pagination pagination = pagination(route);
        return new RouteParameters(withoutPaging(route, parameters, pagination), pagination);
    }

    /** The parameter with this name, if the route has one. */
    Optional<Parameter> named(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static boolean isRequestPart(Argument<?> argument) {
        AnnotationMetadata annotations = argument.getAnnotationMetadata();
        return REQUEST_PARTS.stream().anyMatch(type -> type.isAssignableFrom(argument.getType()))
                || NOT_IN_CATALOG.stream().anyMatch(annotations::hasAnnotation);
    }

    private static Location location(Route route, Argument<?> argument, List<String> pathVariables) {
        AnnotationMetadata annotations = argument.getAnnotationMetadata();
        if (annotations.hasAnnotation(PathVariable.class)) {
            return Location.PATH;
        }
        if (annotations.hasAnnotation(QueryValue.class)) {
            return Location.QUERY;
        }
        if (annotations.hasAnnotation(Body.class)) {
            return Location.BODY;
        }
        if (pathVariables.contains(argument.getName())) {
            return Location.PATH;
        }
        if (route.httpMethod().equals("GET") || route.httpMethod().equals("DELETE")) {
            return Location.QUERY;
        }
        throw new CatalogDeclarationException(route.where() + ": argument " + argument.getName()
                + " does not say where it travels; annotate it with @PathVariable, @QueryValue or @Body");
    }

    private static String name(Argument<?> argument, Location location) {
        Class<? extends Annotation> binding = switch (location) {
            case PATH -> PathVariable.class;
            case QUERY -> QueryValue.class;
            case BODY -> Body.class;
            case HEADER -> io.micronaut.http.annotation.Header.class;
            case COOKIE -> io.micronaut.http.annotation.CookieValue.class;
        };
        return argument.getAnnotationMetadata().stringValue(binding).filter(s -> !s.isBlank()).orElse(argument.getName());
    }

    private static boolean isRequired(Argument<?> argument) {
        AnnotationMetadata annotations = argument.getAnnotationMetadata();
        boolean hasDefault = annotations.stringValue(QueryValue.class, "defaultValue").isPresent()
                || annotations.stringValue(Bindable.class, "defaultValue").isPresent();
        return !argument.isNullable() && !ModelSchemas.isOptional(argument.getType()) && !hasDefault;
    }

    private static void requireOneKindOfBody(Route route, List<Parameter> parameters) {
        List<Argument<?>> bodies = List.of(route.method().getArguments()).stream()
                .filter(a -> a.getAnnotationMetadata().hasAnnotation(Body.class)).toList();
        List<Argument<?>> whole = bodies.stream()
                .filter(a -> a.getAnnotationMetadata().stringValue(Body.class).filter(s -> !s.isBlank()).isEmpty()).toList();
        if (!whole.isEmpty() && bodies.size() > 1) {
            throw new CatalogDeclarationException(route.where() + ": @Body " + whole.getFirst().getName()
                    + " takes the whole body, so no other argument can be a @Body");
        }
        for (Argument<?> body : whole) {
            if (!ModelSchemas.isRecord(body.getType())) {
                throw new CatalogDeclarationException(route.where() + ": @Body " + body.getName() + " takes the whole"
                        + " body, which must be a record; bind a single value with @Body(\"" + body.getName() + "\")");
            }
        }
        List<Parameter> bodyParameters = parameters.stream().filter(p -> p.location() == Location.BODY).toList();
        boolean loneRecordProperty = whole.isEmpty() && bodyParameters.size() == 1
                && bodyParameters.getFirst().schema().getType() == Schema.Type.RECORD;
        if (loneRecordProperty) {
            throw new CatalogDeclarationException(route.where() + ": @Body(\"" + bodyParameters.getFirst().name()
                    + "\") is the only body property and a record, which reads as the whole body; use @Body without a name");
        }
    }

    private static Pagination pagination(Route route) {
        if (!route.declares(Paged.class)) {
            return Pagination.NONE;
        }
        var paged = route.method().getAnnotation(Paged.class);
        Paged.Style style = paged.enumValue(Paged.Style.class).orElse(Paged.Style.OFFSET);
        Pagination defaults = switch (style) {
            case OFFSET -> Pagination.OFFSET;
            case PAGE -> Pagination.PAGE;
            case CURSOR -> Pagination.CURSOR;
        };
        return new Pagination(defaults.style(),
                paged.stringValue("position").filter(s -> !s.isBlank()).orElse(defaults.positionParameter()),
                paged.stringValue("size").filter(s -> !s.isBlank()).orElse(defaults.sizeParameter()));
    }

    private static List<Parameter> withoutPaging(Route route, List<Parameter> parameters, Pagination pagination) {
        if (!pagination.isPaged()) {
            return parameters;
        }
        List<String> paging = List.of(pagination.positionParameter(), pagination.sizeParameter());
        List<String> missing = paging.stream()
                .filter(name -> parameters.stream().noneMatch(p -> p.name().equals(name) && p.location() == Location.QUERY))
                .toList();
        if (!missing.isEmpty()) {
            throw new CatalogDeclarationException(route.where() + ": @Paged(" + pagination.style()
                    + ") needs the query parameters " + String.join(" and ", paging) + "; missing "
                    + String.join(" and ", missing));
        }
        return parameters.stream().filter(p -> !paging.contains(p.name())).toList();
    }
}
