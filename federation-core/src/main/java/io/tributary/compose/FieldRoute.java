package io.tributary.compose;

import io.tributary.catalog.Operation;

/**
 * How the gateway resolves one field of the composed schema: which service's REST operation to call for it,
 * on which resource and its key field.
 */
public record FieldRoute(String parentType, String field, String service, String resource, String keyField, Operation operation) {

    /** {@code Query.course}: the coordinate of the field this route resolves. */
    public String coordinate() {
        return parentType + "." + field;
    }
}
