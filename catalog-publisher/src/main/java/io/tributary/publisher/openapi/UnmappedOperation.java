package io.tributary.publisher.openapi;

import java.util.Objects;

/**
 * An operation of an OpenAPI document that the catalog leaves out, and why, so that the service's owner learns what
 * the graph will not offer instead of finding out from a missing field.
 */
public record UnmappedOperation(String method, String path, String reason) {
    public UnmappedOperation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code HEAD /shipments/{id}: HEAD has no catalog operation kind}. */
    @Override
    public String toString() {
        return method + " " + path + ": " + reason;
    }
}
