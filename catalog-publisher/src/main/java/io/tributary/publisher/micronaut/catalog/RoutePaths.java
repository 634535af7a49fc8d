package io.tributary.publisher.micronaut.catalog;

import java.util.Arrays;
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

    /** The full path of a route: the controller's path followed by the method's. */
    static String join(String base, String relative) {
        String path = base + relative;
        return path.isEmpty() ? "/" : path;
    }
}
