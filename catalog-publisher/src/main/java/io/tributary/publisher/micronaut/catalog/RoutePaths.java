package io.tributary.publisher.micronaut.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns Micronaut URI templates into catalog path templates: query expansions ({@code {?ids}}) dropped, variable
 * patterns ({@code {id:[0-9]+}}) reduced to the name, slashes normalised.
 */
final class RoutePaths {
    private static final Pattern QUERY_EXPANSION = Pattern.compile("\\{[?&][^}]*}");
    private static final Pattern OTHER_EXPANSION = Pattern.compile("\\{[+#./;]");
    private static final Pattern VARIABLE_WITH_PATTERN = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*):[^}]*}");

    private RoutePaths() {
    }

    /** The template with a leading slash and no trailing one; the empty string for the root. */
    static String normalize(String template, String where) {
        String path = QUERY_EXPANSION.matcher(template).replaceAll("");
        if (OTHER_EXPANSION.matcher(path).find()) {
            throw new CatalogDeclarationException(where + ": the URI template " + template
                    + " uses an expansion the catalog cannot express; use plain {name} variables");
        }
        path = VARIABLE_WITH_PATTERN.matcher(path).replaceAll("{$1}");
        String joined = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).collect(Collectors.joining("/"));
        return joined.isEmpty() ? "" : "/" + joined;
    }

    /**
     * The path below the controller's that the routes share as their collection, for a controller whose routes
     * name it themselves ({@code @Controller("/api")} with {@code /v1/things} and {@code /v1/things/{id}}): the
     * literal segments every route starts with, shortened until one route is the collection itself or one variable
     * below it. Empty when the controller's own path is the collection, as in {@code @Controller("/things")}.
     */
    static String collection(List<String> relatives) {
        List<List<String>> routes = relatives.stream().map(RoutePaths::segments).toList();
        int shared = routes.isEmpty() ? 0 : routes.stream().mapToInt(route -> literalPrefix(route, routes.getFirst())).min().orElse(0);
        for (int length = shared; length > 0; length--) {
            int candidate = length;
            boolean named = routes.stream().anyMatch(route -> route.size() == candidate
                    || route.size() == candidate + 1 && isVariable(route.get(candidate)));
            if (named) {
                return "/" + String.join("/", routes.getFirst().subList(0, length));
            }
        }
        return "";
    }

    /** The full path of a route: the controller's path followed by the method's. */
    static String join(String base, String relative) {
        String path = base + relative;
        return path.isEmpty() ? "/" : path;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    /** How many leading literal segments {@code route} shares with {@code other}. */
    private static int literalPrefix(List<String> route, List<String> other) {
        int length = 0;
        while (length < route.size() && length < other.size() && !isVariable(route.get(length))
                && route.get(length).equals(other.get(length))) {
            length++;
        }
        return length;
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{");
    }
}
