package io.tributary.catalog;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A parameter of an operation: where it travels (path, query, body), its type as an Avro schema, and whether it is
 * required. A body parameter of a CREATE or UPDATE is usually the resource's model itself.
 */
public record Parameter(String name, Schema schema, Location location, boolean required, String description) {

    /** Where a parameter travels in the HTTP request. */
    public enum Location { PATH, QUERY, BODY }

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema of parameter " + name);
        Objects.requireNonNull(location, "location of parameter " + name);
        if (location == Location.PATH && !required) {
            throw new InvalidCatalogException("path parameter " + name + " must be required");
        }
        description = description == null ? "" : description;
    }

    /** A parameter of a primitive Avro type such as {@code string}, {@code long} or {@code int}. */
    public static Parameter of(String name, Schema.Type type, Location location, boolean required, String description) {
        return new Parameter(name, Schema.create(type), location, required, description);
    }
}
