package io.tributary.publisher.openapi;

import java.util.Objects;

/**
 * An operation of an OpenAPI document that the catalog leaves out, why, and the kind of reason, so that the service's
 * owner learns what the graph will not offer instead of finding out from a missing field.
 */
public record UnmappedOperation(String method, String path, Category category, String reason) {
    public UnmappedOperation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(reason, "reason");
    }

    /** The kinds of reason, so a report can say how many operations each missing capability keeps out. */
    public enum Category {
        /** No resource convention fits: a safe GET or a mutation that would become a field of its own. */
        OPERATION_FIELD("needs an operation field (RPC-style)"),
        /** A GET by more than one path variable ({@code /repos/{owner}/{repo}}): a resource has one key. */
        COMPOSITE_KEY("needs a composite key"),
        /** A list whose elements are a summary of the model ({@code TaskCompact} of {@code Task}), fields the GET adds missing. */
        PARTIAL_ELEMENTS("list elements are a summary of the model"),
        /** The success response or the request body is not JSON (CSV, XML, form-encoded). */
        NON_JSON("non-JSON only"),
        /** The request body is a file: multipart or octet-stream. */
        BINARY_UPLOAD("binary upload"),
        /** A required header that frames the request or carries credentials ({@code Host}, {@code Connection}): no argument may set it. */
        FORBIDDEN_HEADER("needs a header no argument may set"),
        /** A request the service makes to a URL the caller gives, not one the graph can call. */
        CALLBACK("callback"),
        /** HEAD, OPTIONS and TRACE: nothing for a GraphQL field to return. */
        NO_FIELD("HTTP method without a field"),
        /** A second operation of the same kind and name on one resource. */
        DUPLICATE("a second operation of one kind"),
        /** An operation field whose types clash with the document's other types or cannot be expressed in GraphQL. */
        NOT_COMPOSABLE("its types cannot join the graph"),
        /** The document contradicts itself or an extension is malformed. */
        INVALID("the document is inconsistent");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        /** How reports name the category: {@code needs an operation field (RPC-style)}. */
        public String label() {
            return label;
        }
    }

    /** {@code HEAD /shipments/{id}: HEAD has no operation kind in the catalog}. */
    @Override
    public String toString() {
        return method + " " + path + ": " + reason;
    }
}
