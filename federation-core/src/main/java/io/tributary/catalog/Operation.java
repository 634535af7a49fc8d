package io.tributary.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One REST endpoint of a resource and everything the gateway needs to call it: kind, HTTP method, path template
 * ({@code /courses/{id}}), parameters, how it pages, where the elements sit in its response, whether it can return
 * only selected fields, which scopes a caller needs, and how its request body is encoded. Finders, partial updates,
 * actions and calls carry a name.
 */
public record Operation(
        OperationKind kind,
        String name,
        String httpMethod,
        String path,
        List<Parameter> parameters,
        Pagination pagination,
        ResponseEnvelope envelope,
        boolean projection,
        List<String> scopes,
        String deprecationReason,
        String description,
        BodyEncoding bodyEncoding) {

    public Operation {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(path, "path");
        if (kind.isNamed() && name.isBlank()) {
            throw new InvalidCatalogException(kind + " operation " + httpMethod + " " + path + " needs a name");
        }
        if (!path.startsWith("/")) {
            throw new InvalidCatalogException("path of " + kind + " operation must start with '/', was '" + path + "'");
        }
        parameters = List.copyOf(parameters);
        pagination = pagination == null ? Pagination.NONE : pagination;
        envelope = envelope == null ? ResponseEnvelope.BARE : envelope;
        scopes = List.copyOf(scopes);
        deprecationReason = deprecationReason == null ? "" : deprecationReason;
        description = description == null ? "" : description;
        bodyEncoding = bodyEncoding == null ? BodyEncoding.JSON : bodyEncoding;
        for (String variable : PathTemplate.variables(path)) {
            if (parameters.stream().noneMatch(p -> p.location() == Parameter.Location.PATH && p.name().equals(variable))) {
                throw new InvalidCatalogException(kind + " operation " + httpMethod + " " + path
                        + " has no PATH parameter for {" + variable + "}");
            }
        }
    }

    /** An operation whose body, if it has one, is JSON. */
    public Operation(OperationKind kind, String name, String httpMethod, String path, List<Parameter> parameters, Pagination pagination,
                     ResponseEnvelope envelope, boolean projection, List<String> scopes, String deprecationReason, String description) {
        this(kind, name, httpMethod, path, parameters, pagination, envelope, projection, scopes, deprecationReason, description,
                BodyEncoding.JSON);
    }

    /** Starts an operation with no parameters, no paging, a bare response and no scopes. */
    public static Builder builder(OperationKind kind, String httpMethod, String path) {
        return new Builder(kind, httpMethod, path);
    }

    /** This operation under another name, all else kept. */
    public Operation withName(String name) {
        return new Operation(kind, name, httpMethod, path, parameters, pagination, envelope, projection, scopes, deprecationReason,
                description, bodyEncoding);
    }

    /** This operation with another description, all else kept. */
    public Operation withDescription(String description) {
        return new Operation(kind, name, httpMethod, path, parameters, pagination, envelope, projection, scopes, deprecationReason,
                description, bodyEncoding);
    }

    public boolean isDeprecated() {
        return !deprecationReason.isEmpty();
    }

    /** Builds an {@link Operation} step by step, for publishers that derive one piece at a time. */
    public static final class Builder {
        private final OperationKind kind;
        private final String httpMethod;
        private final String path;
        private String name = "";
        private List<Parameter> parameters = List.of();
        private Pagination pagination = Pagination.NONE;
        private ResponseEnvelope envelope = ResponseEnvelope.BARE;
        private boolean projection;
        private List<String> scopes = List.of();
        private String deprecationReason = "";
        private String description = "";
        private BodyEncoding bodyEncoding = BodyEncoding.JSON;

        private Builder(OperationKind kind, String httpMethod, String path) {
            this.kind = kind;
            this.httpMethod = httpMethod;
            this.path = path;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder parameters(List<Parameter> parameters) {
            this.parameters = parameters;
            return this;
        }

        public Builder pagination(Pagination pagination) {
            this.pagination = pagination;
            return this;
        }

        public Builder envelope(ResponseEnvelope envelope) {
            this.envelope = envelope;
            return this;
        }

        public Builder projection(boolean projection) {
            this.projection = projection;
            return this;
        }

        public Builder scopes(List<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        public Builder deprecated(String reason) {
            this.deprecationReason = reason;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder bodyEncoding(BodyEncoding bodyEncoding) {
            this.bodyEncoding = bodyEncoding;
            return this;
        }

        public Operation build() {
            return new Operation(kind, name, httpMethod, path, parameters, pagination, envelope, projection, scopes,
                    deprecationReason, description, bodyEncoding);
        }
    }
}
