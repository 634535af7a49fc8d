package io.tributary.publisher.micronaut.catalog;

import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.publisher.annotation.Action;
import io.tributary.publisher.annotation.Finder;
import io.tributary.publisher.annotation.PartialUpdate;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Classifies a route by Naptime's conventions: {@code GET {base}/{id}} is GET, {@code GET {base}?ids=} MULTI_GET,
 * any other {@code GET {base}} GET_ALL, {@code POST {base}} CREATE, {@code PUT {base}/{id}} UPDATE,
 * {@code DELETE {base}/{id}} DELETE; {@link Finder}, {@link Action} and {@link PartialUpdate} say what no path can.
 */
final class OperationKinds {
    /** The query parameter of a multi-get, as Naptime and the gateway name it. */
    static final String IDS = "ids";
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    private OperationKinds() {
    }

    /** The kind of the route and, for finders, actions and partial updates, its name. */
    record Classified(OperationKind kind, String name) {
    }

    static Classified classify(Route route, RouteParameters parameters) {
        List<String> named = List.of(Finder.class, Action.class, PartialUpdate.class).stream()
                .filter(route::declares).map(a -> "@" + a.getSimpleName()).toList();
        if (named.size() > 1) {
            throw new CatalogDeclarationException(route.where() + ": " + String.join(" and ", named)
                    + " exclude each other; a route is one operation");
        }
        if (route.declares(Finder.class)) {
            return finder(route, parameters);
        }
        if (route.declares(Action.class)) {
            return new Classified(OperationKind.ACTION, name(route, Action.class));
        }
        if (route.declares(PartialUpdate.class)) {
            requireMethod(route, "PATCH", "@PartialUpdate");
            return new Classified(OperationKind.PATCH, route.declared(PartialUpdate.class).orElse(""));
        }
        return new Classified(byConvention(route, parameters), "");
    }

    private static Classified finder(Route route, RouteParameters parameters) {
        requireMethod(route, "GET", "@Finder");
        if (parameters.parameters().isEmpty()) {
            throw new CatalogDeclarationException(route.where() + ": @Finder needs at least one argument besides paging");
        }
        return new Classified(OperationKind.FINDER, name(route, Finder.class));
    }

    private static OperationKind byConvention(Route route, RouteParameters parameters) {
        String method = route.httpMethod();
        if (method.equals("GET") && route.onKey()) {
            return OperationKind.GET;
        }
        if (method.equals("GET") && route.onBase()) {
            return parameters.named(IDS).map(ids -> multiGet(route, ids)).orElse(OperationKind.GET_ALL);
        }
        if (method.equals("POST") && route.onBase()) {
            return OperationKind.CREATE;
        }
        if (method.equals("PUT") && route.onKey()) {
            return OperationKind.UPDATE;
        }
        if (method.equals("DELETE") && route.onKey()) {
            return OperationKind.DELETE;
        }
        if (method.equals("PATCH")) {
            throw new CatalogDeclarationException(route.where()
                    + ": a PATCH route needs @PartialUpdate(\"field\") to say which field it changes");
        }
        throw new CatalogDeclarationException(route.where() + ": " + method + " " + route.path()
                + " fits no convention (GET {base}/{id}, GET {base}, POST {base}, PUT {base}/{id}, DELETE {base}/{id});"
                + " annotate it with @Finder or @Action, or serve it from a controller without @TributaryResource");
    }

    private static OperationKind multiGet(Route route, Parameter ids) {
        if (ids.schema().getType() != Schema.Type.ARRAY || ids.location() != Parameter.Location.QUERY) {
            throw new CatalogDeclarationException(route.where() + ": the ids of a multi-get must be a List or Set query value"
                    + " (Micronaut splits ids=a,b,c into one), was " + ids.location().name().toLowerCase(Locale.ROOT)
                    + " " + ids.schema());
        }
        return OperationKind.MULTI_GET;
    }

    private static String name(Route route, Class<? extends Annotation> annotation) {
        String name = route.declared(annotation).orElse("");
        if (!NAME.matcher(name).matches()) {
            throw new CatalogDeclarationException(route.where() + ": @" + annotation.getSimpleName() + "(\"" + name
                    + "\") must be a lower camel case name, such as byInstructorId");
        }
        return name;
    }

    private static void requireMethod(Route route, String method, String annotation) {
        if (!route.httpMethod().equals(method)) {
            throw new CatalogDeclarationException(route.where() + ": " + annotation + " goes on a @"
                    + method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT) + " route, not a "
                    + route.httpMethod());
        }
    }
}
