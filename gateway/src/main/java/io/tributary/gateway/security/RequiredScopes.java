package io.tributary.gateway.security;

import io.tributary.compose.FieldRoute;
import io.tributary.compose.Routing;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scopes a caller needs for each routed field of a view, by coordinate ({@code Query.course}): those of the REST
 * operation that resolves it and, for a relation through other relations, those of every hop on the way.
 */
public final class RequiredScopes {
    private final Map<String, Set<String>> byCoordinate;

    private RequiredScopes(Map<String, Set<String>> byCoordinate) {
        this.byCoordinate = byCoordinate;
    }

    public static RequiredScopes of(Routing routing) {
        Map<String, FieldRoute> routes = routing.fields().stream()
                .collect(Collectors.toMap(FieldRoute::coordinate, Function.identity(), (a, b) -> a, TreeMap::new));
        Map<String, Set<String>> scopes = new TreeMap<>();
        routes.forEach((coordinate, route) -> {
            Set<String> required = new LinkedHashSet<>();
            collect(route, routes, required, new LinkedHashSet<>());
            if (!required.isEmpty()) {
                scopes.put(coordinate, Set.copyOf(required));
            }
        });
        return new RequiredScopes(Map.copyOf(scopes));
    }

    private static void collect(FieldRoute route, Map<String, FieldRoute> routes, Set<String> required, Set<String> visited) {
        if (!visited.add(route.coordinate())) {
            return;
        }
        required.addAll(route.operation().scopes());
        if (route.link() instanceof FieldRoute.Link.Through(List<String> hops)) {
            hops.stream().map(routes::get).filter(Objects::nonNull).forEach(hop -> collect(hop, routes, required, visited));
        }
    }

    /** The scopes {@code coordinate} requires that are not among {@code granted}; empty when the caller may see it. */
    public Set<String> missing(String coordinate, Set<String> granted) {
        Set<String> required = byCoordinate.get(coordinate);
        if (required == null || granted.containsAll(required)) {
            return Set.of();
        }
        return required.stream().filter(scope -> !granted.contains(scope)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether any field of the view requires a scope. */
    public boolean isEmpty() {
        return byCoordinate.isEmpty();
    }
}
