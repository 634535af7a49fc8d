package io.tributary.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One REST endpoint of a resource and how to call it: kind, HTTP method, path template ({@code /courses/{id}})
 * and parameters. Finders and actions carry a name; the other kinds do not.
 */
public record Operation(
        OperationKind kind,
        String name,
        String httpMethod,
        String path,
        List<Parameter> parameters,
        String description) {

    public Operation {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        if (kind.isNamed() && name.isBlank()) {
            throw new InvalidCatalogException(kind + " operation at " + path + " needs a name");
        }
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new InvalidCatalogException("path of " + kind + " operation must start with '/', was '" + path + "'");
        }
        parameters = List.copyOf(parameters);
        description = description == null ? "" : description;
    }
}
