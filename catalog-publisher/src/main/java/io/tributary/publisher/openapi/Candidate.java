package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.tributary.catalog.OperationKind;

/**
 * One catalog operation an OpenAPI operation matches by convention, before its model is known. {@code GET /things}
 * with an optional {@code ids} parameter is two candidates: a MULTI_GET and a GET_ALL.
 */
record Candidate(ResourceKey resource, Extensions.ResourceExtension declared, OperationKind kind, String name,
                 String path, PathItem.HttpMethod method, Operation operation, PathItem pathItem) {

    /** A resource's name and version: {@code partners}, 1. */
    record ResourceKey(String name, int version) {
        String qualifiedName() {
            return name + ".v" + version;
        }
    }

    /** {@code GET /partners}, as reports name operations. */
    String request() {
        return method + " " + path;
    }

    /** {@code GET_ALL}, {@code FINDER byOwnerId}. */
    String identity() {
        return kind + (name.isEmpty() ? "" : " " + name);
    }

    boolean isRead() {
        return switch (kind) {
            case GET, MULTI_GET, GET_ALL, FINDER -> true;
            default -> false;
        };
    }
}
