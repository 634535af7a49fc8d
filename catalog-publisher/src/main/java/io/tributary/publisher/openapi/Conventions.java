package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.tributary.catalog.OperationKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides which catalog operations an OpenAPI operation is, from its path and method (Naptime's conventions), unless
 * an {@code x-tributary-*} extension says: {@code GET /things/{id}} is GET; {@code GET /things} is MULTI_GET when it
 * takes {@code ids}, a FINDER per value of a {@code q} enum, and GET_ALL unless {@code ids} or {@code q} is required;
 * {@code POST /things} CREATE; {@code PUT}, {@code PATCH}, {@code DELETE /things/{id}} UPDATE, PATCH, DELETE;
 * {@code POST /things/{id}/verb} the ACTION {@code verb}. The resource is the first path segment. Finders named by a
 * {@code q} enum share one OpenAPI operation, so each takes all of its other query parameters.
 */
final class Conventions {
    static final String IDS = "ids";
    static final String FINDER_SELECTOR = "q";

    private final Components components;

    Conventions(Components components) {
        this.components = components;
    }

    List<Candidate> candidates(String path, PathItem item, HttpMethod method, Operation operation) {
        if (method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || method == HttpMethod.TRACE) {
            throw new Unmappable(method + " has no operation kind in the catalog");
        }
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        Optional<Extensions.ResourceExtension> declared = Extensions.resource(operation.getExtensions())
                .or(() -> Extensions.resource(item.getExtensions()));
        Candidate.ResourceKey resource = resource(segments, declared);
        Extensions.ResourceExtension extension = declared.orElse(null);
        Optional<String> finder = Extensions.name(operation.getExtensions(), Extensions.FINDER);
        Optional<String> action = Extensions.name(operation.getExtensions(), Extensions.ACTION);
        if (finder.isPresent()) {
            if (method != HttpMethod.GET) {
                throw new Unmappable(Extensions.FINDER + " is on a " + method + "; finders are GETs");
            }
            return List.of(candidate(resource, extension, OperationKind.FINDER, finder.get(), path, method, operation, item));
        }
        if (action.isPresent()) {
            if (method == HttpMethod.GET) {
                throw new Unmappable(Extensions.ACTION + " is on a GET; actions change something, so they are not GETs");
            }
            return List.of(candidate(resource, extension, OperationKind.ACTION, action.get(), path, method, operation, item));
        }
        List<String> rest = segments.subList(1, segments.size());
        if (rest.isEmpty()) {
            return switch (method) {
                case GET -> collectionReads(resource, extension, path, item, operation);
                case POST -> List.of(candidate(resource, extension, OperationKind.CREATE, "", path, method, operation, item));
                default -> throw new Unmappable(method + " on the collection matches no convention (bulk changes are not part of a catalog)");
            };
        }
        if (rest.size() == 1 && isVariable(rest.getFirst())) {
            return switch (method) {
                case GET -> List.of(candidate(resource, extension, OperationKind.GET, "", path, method, operation, item));
                case PUT -> List.of(candidate(resource, extension, OperationKind.UPDATE, "", path, method, operation, item));
                case DELETE -> List.of(candidate(resource, extension, OperationKind.DELETE, "", path, method, operation, item));
                case PATCH -> List.of(candidate(resource, extension, OperationKind.PATCH, patchName(operation), path, method, operation, item));
                default -> throw new Unmappable(method + " on one element matches no convention; name it with "
                        + Extensions.ACTION + ", or POST to " + path + "/<action>");
            };
        }
        if (rest.size() == 2 && isVariable(rest.getFirst()) && !hasVariable(rest.get(1))) {
            if (method == HttpMethod.POST && !Identifiers.identifier(rest.get(1)).isEmpty()) {
                return List.of(candidate(resource, extension, OperationKind.ACTION, Identifiers.identifier(rest.get(1)), path, method, operation, item));
            }
            throw new Unmappable(method + " on a sub-collection of " + resource.qualifiedName() + " matches no convention; "
                    + "map it as a finder of its own resource with " + Extensions.FINDER + " and " + Extensions.RESOURCE);
        }
        List<String> variables = segments.stream().filter(Conventions::hasVariable).toList();
        if (variables.size() > 1) {
            throw new Unmappable("its " + variables.size() + " path variables " + variables + " match no convention: "
                    + "conventions cover /" + segments.getFirst() + ", /" + segments.getFirst() + "/{id} and POST /"
                    + segments.getFirst() + "/{id}/<action>");
        }
        throw new Unmappable("its path matches no convention: conventions cover /" + segments.getFirst() + ", /"
                + segments.getFirst() + "/{id} and POST /" + segments.getFirst() + "/{id}/<action>");
    }

    /** {@code GET /things}: MULTI_GET with {@code ids}, a FINDER per {@code q} value, GET_ALL unless one is required. */
    private List<Candidate> collectionReads(Candidate.ResourceKey resource, Extensions.ResourceExtension extension,
                                            String path, PathItem item, Operation operation) {
        List<Candidate> candidates = new ArrayList<>();
        Optional<Parameter> ids = query(item, operation, IDS);
        Optional<Parameter> selector = query(item, operation, FINDER_SELECTOR).filter(this::isEnum);
        ids.ifPresent(p -> candidates.add(candidate(resource, extension, OperationKind.MULTI_GET, "", path, HttpMethod.GET, operation, item)));
        if (selector.isPresent()) {
            for (Object value : components.resolve(selector.get().getSchema()).getEnum()) {
                if (!Identifiers.isName(String.valueOf(value))) {
                    throw new Unmappable("the finder '" + value + "' that q names is not a valid name");
                }
                candidates.add(candidate(resource, extension, OperationKind.FINDER, String.valueOf(value), path, HttpMethod.GET, operation, item));
            }
        }
        boolean selects = ids.map(Conventions::isRequired).orElse(false) || selector.map(Conventions::isRequired).orElse(false);
        if (!selects) {
            candidates.add(candidate(resource, extension, OperationKind.GET_ALL, "", path, HttpMethod.GET, operation, item));
        }
        return candidates;
    }

    private Optional<Parameter> query(PathItem item, Operation operation, String name) {
        return Parameters.of(item, operation, components).stream()
                .filter(p -> "query".equals(p.getIn()) && name.equals(p.getName()))
                .findFirst();
    }

    private boolean isEnum(Parameter parameter) {
        Schema<?> schema = parameter.getSchema() == null ? null : components.resolve(parameter.getSchema());
        return schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty();
    }

    private static boolean isRequired(Parameter parameter) {
        return Boolean.TRUE.equals(parameter.getRequired());
    }

    private static String patchName(Operation operation) {
        Optional<String> declared = Extensions.name(operation.getExtensions(), Extensions.NAME);
        if (declared.isPresent()) {
            return declared.get();
        }
        String fromId = operation.getOperationId() == null ? "" : Identifiers.identifier(operation.getOperationId());
        if (fromId.isEmpty()) {
            throw new Unmappable("a PATCH needs a name (the field or aspect it changes): set " + Extensions.NAME + " or an operationId");
        }
        return fromId;
    }

    private static Candidate.ResourceKey resource(List<String> segments, Optional<Extensions.ResourceExtension> declared) {
        String name = declared.map(Extensions.ResourceExtension::name).orElse(null);
        if (name == null) {
            if (segments.isEmpty() || hasVariable(segments.getFirst())) {
                throw new Unmappable("its path does not start with a resource name; name it with " + Extensions.RESOURCE);
            }
            name = Identifiers.identifier(segments.getFirst());
            if (name.isEmpty()) {
                throw new Unmappable("its first path segment '" + segments.getFirst() + "' makes no resource name; name it with " + Extensions.RESOURCE);
            }
        }
        int version = declared.map(Extensions.ResourceExtension::version).filter(v -> v > 0).orElse(1);
        return new Candidate.ResourceKey(name, version);
    }

    private static Candidate candidate(Candidate.ResourceKey resource, Extensions.ResourceExtension extension, OperationKind kind,
                                       String name, String path, HttpMethod method, Operation operation, PathItem item) {
        return new Candidate(resource, extension, kind, name, path, method, operation, item);
    }

    static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}") && segment.indexOf('{', 1) < 0;
    }

    private static boolean hasVariable(String segment) {
        return segment.contains("{");
    }
}
