package io.tributary.catalog;

import java.util.Objects;

/** A parameter of an operation: where it travels (path, query, body), its Avro type name, and whether it is required. */
public record Parameter(String name, String type, Location location, boolean required, String description) {

    /** Where a parameter travels in the HTTP request. */
    public enum Location { PATH, QUERY, BODY }

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type of " + name);
        Objects.requireNonNull(location, "location of " + name);
        description = description == null ? "" : description;
    }
}
