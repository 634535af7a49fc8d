package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Pagination;
import io.tributary.publisher.openapi.UnmappedOperation.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides which catalog operations an OpenAPI operation is, from its path and method, unless an {@code x-tributary-*}
 * extension says. Paths are read by {@link PathShape}, without version and base-path prefixes; the collection (the
 * last constant that is no verb) names the resource, in the plural ({@code /store/order/{orderId}} → {@code orders}).
 * <ul>
 *   <li>{@code GET /things/{id}} GET (a FINDER {@code byId} when it answers an array); {@code PUT}, {@code PATCH},
 *       {@code DELETE} UPDATE, PATCH, DELETE; {@code POST} the ACTION its operationId names without the noun
 *       ({@code updatePetWithForm} → {@code updateWithForm}).</li>
 *   <li>{@code GET /things} MULTI_GET with {@code ids}, a FINDER per value of a {@code q} enum, and GET_ALL unless one
 *       of them is required (a FINDER by its required filters, {@code byDomain}, when it has some); {@code POST} CREATE; {@code PUT}, {@code PATCH} UPDATE and PATCH of the element the
 *       body carries.</li>
 *   <li>{@code GET /things/findByStatus}, {@code /things/byOwner}, {@code /things/search}: FINDERs.</li>
 *   <li>Under a parent: {@code GET /repositories/{owner}/{slug}/pullrequests} the FINDER {@code byOwnerAndSlug} of
 *       {@code pullrequests} (a singleton GET keyed by the parent when it answers one object), {@code POST} there
 *       CREATE when the path also has a GET, else the ACTION of the parent named by the last segment.</li>
 *   <li>{@code POST /users/createWithArray}: a camelCase verb after a collection is an ACTION of it.</li>
 * </ul>
 * Finders named by a {@code q} enum share one OpenAPI operation, so each takes all of its other query parameters.
 */
final class Conventions {
    static final String IDS = "ids";
    static final String FINDER_SELECTOR = "q";

    private final Components components;
    private final ResponseShapes shapes;
    private final String basePath;

    Conventions(Components components, String basePath) {
        this.components = components;
        this.shapes = new ResponseShapes(components);
        this.basePath = basePath;
    }

    List<Candidate> candidates(String path, PathItem item, HttpMethod method, Operation operation) {
        if (method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || method == HttpMethod.TRACE) {
            throw new Unmappable(Category.NO_FIELD, method + " has no operation kind in the catalog");
        }
        Request request = new Request(path, item, method, operation, PathShape.of(path, basePath),
                Extensions.resource(operation.getExtensions()).or(() -> Extensions.resource(item.getExtensions())).orElse(null));
        Optional<String> finder = Extensions.name(operation.getExtensions(), Extensions.FINDER);
        Optional<String> action = Extensions.name(operation.getExtensions(), Extensions.ACTION);
        if (finder.isPresent()) {
            if (method != HttpMethod.GET) {
                throw new Unmappable(Category.INVALID, Extensions.FINDER + " is on a " + method + "; finders are GETs");
            }
            return List.of(request.candidate(declaredResource(request), OperationKind.FINDER, finder.get()));
        }
        if (action.isPresent()) {
            if (method == HttpMethod.GET) {
                throw new Unmappable(Category.INVALID, Extensions.ACTION + " is on a GET; actions change something, so they are not GETs");
            }
            return List.of(request.candidate(declaredResource(request), OperationKind.ACTION, action.get()));
        }
        PathShape shape = request.shape();
        if (shape.isEmpty()) {
            throw new Unmappable(Category.OPERATION_FIELD, "its path names no resource");
        }
        if (PathShape.isVariable(shape.last())) {
            return element(request);
        }
        Optional<String> before = shape.before(1);
        if (before.isPresent() && PathShape.isVariable(before.get())) {
            return child(request);
        }
        Optional<String> finderName = PathShape.finderName(Identifiers.identifier(shape.last()));
        if (before.isPresent() && finderName.isPresent()) {
            requireMethod(request, HttpMethod.GET, "a finder path");
            return List.of(request.candidate(resource(request, before.get()), OperationKind.FINDER, finderName.get()));
        }
        if (before.isPresent() && PathShape.isVerb(shape.last())) {
            if (method == HttpMethod.GET) {
                throw new Unmappable(Category.OPERATION_FIELD, "GET " + shape.last() + " is a verb on " + before.get()
                        + ", a query no resource convention fits");
            }
            return List.of(request.candidate(resource(request, before.get()), OperationKind.ACTION, Identifiers.identifier(shape.last())));
        }
        return collection(request, resource(request, shape.last()), shape.variablesBefore(0));
    }

    /**
     * {@code /things/{id}}, also under parents ({@code /lists/{list}/tasks/{task}}), with a key of several variables
     * ({@code /repos/{owner}/{repo}}) and behind a finder segment ({@code /things/by-owner/{owner}}).
     */
    private List<Candidate> element(Request request) {
        PathShape shape = request.shape();
        int back = 1;
        while (shape.before(back).filter(PathShape::isVariable).isPresent()) {
            back++;
        }
        String collection = shape.before(back).orElseThrow(() -> new Unmappable(Category.OPERATION_FIELD,
                "its path is variables only and names no collection"));
        Optional<String> finder = PathShape.finderName(Identifiers.identifier(collection));
        List<String> keys = new ArrayList<>(shape.variablesBefore(0));
        keys.add(PathShape.name(shape.last()));
        Optional<String> finderOf = shape.before(back + 1).filter(s -> !PathShape.isVariable(s));
        if (finder.isPresent() && finderOf.isPresent()) {
            requireMethod(request, HttpMethod.GET, "a finder path");
            return List.of(request.candidate(resource(request, finderOf.get()), OperationKind.FINDER, finder.get()));
        }
        Candidate.ResourceKey resource = resource(request, collection);
        return switch (request.method()) {
            case GET -> List.of(shapes.isArray(request.operation())
                    ? request.candidate(resource, OperationKind.FINDER, finderName(keys))
                    : request.candidate(resource, OperationKind.GET, ""));
            case PUT -> List.of(request.candidate(resource, OperationKind.UPDATE, ""));
            case DELETE -> List.of(request.candidate(resource, OperationKind.DELETE, ""));
            case PATCH -> List.of(request.candidate(resource, OperationKind.PATCH, patchName(request.operation())));
            default -> List.of(request.candidate(resource, OperationKind.ACTION, actionName(request, resource)));
        };
    }

    /** {@code /parents/{id}/last}: a child collection, a singleton, or an action of the parent. */
    private List<Candidate> child(Request request) {
        PathShape shape = request.shape();
        String last = shape.last();
        List<String> keys = shape.variablesBefore(0);
        Operation get = request.item().getGet();
        boolean collection = get != null && shapes.isList(get);
        if (request.method() == HttpMethod.POST && (get == null || PathShape.isVerb(last))) {
            String parent = shape.before(2).filter(s -> !PathShape.isVariable(s)).orElseThrow(() -> new Unmappable(
                    Category.OPERATION_FIELD, "POST " + last + " follows no collection name"));
            String name = Identifiers.identifier(last);
            if (name.isEmpty()) {
                throw new Unmappable(Category.OPERATION_FIELD, "its last segment '" + last + "' makes no action name");
            }
            return List.of(request.candidate(resource(request, parent), OperationKind.ACTION, name));
        }
        Candidate.ResourceKey resource = resource(request, last);
        return switch (request.method()) {
            case GET -> List.of(collection
                    ? request.candidate(resource, OperationKind.FINDER, finderName(keys))
                    : request.candidate(resource, OperationKind.GET, ""));
            case POST -> List.of(request.candidate(resource, OperationKind.CREATE, ""));
            case PUT, PATCH, DELETE -> {
                if (collection) {
                    throw new Unmappable(Category.OPERATION_FIELD, request.method() + " on the sub-collection " + last
                            + " changes many elements at once; no resource convention fits");
                }
                yield List.of(request.candidate(resource, switch (request.method()) {
                    case PUT -> OperationKind.UPDATE;
                    case PATCH -> OperationKind.PATCH;
                    default -> OperationKind.DELETE;
                }, request.method() == HttpMethod.PATCH ? patchName(request.operation()) : ""));
            }
            default -> throw new Unmappable(Category.OPERATION_FIELD, request.method() + " on " + last + " matches no convention");
        };
    }

    /** {@code /things}, also under a namespace ({@code /store/order}) or parents ({@code /users/{id}/starred/repos}). */
    private List<Candidate> collection(Request request, Candidate.ResourceKey resource, List<String> parentKeys) {
        return switch (request.method()) {
            case GET -> parentKeys.isEmpty() ? collectionReads(request, resource)
                    : List.of(request.candidate(resource, OperationKind.FINDER, finderName(parentKeys)));
            case POST -> List.of(request.candidate(resource, OperationKind.CREATE, ""));
            case PUT -> List.of(request.candidate(resource, OperationKind.UPDATE, ""));
            case PATCH -> List.of(request.candidate(resource, OperationKind.PATCH, patchName(request.operation())));
            default -> throw new Unmappable(Category.OPERATION_FIELD, request.method()
                    + " on the collection changes many elements at once; no resource convention fits");
        };
    }

    /** {@code GET /things}: MULTI_GET with {@code ids}, a FINDER per {@code q} value, GET_ALL unless one is required. */
    private List<Candidate> collectionReads(Request request, Candidate.ResourceKey resource) {
        List<Candidate> candidates = new ArrayList<>();
        Optional<Parameter> ids = query(request, IDS);
        Optional<Parameter> selector = query(request, FINDER_SELECTOR).filter(this::isEnum);
        ids.ifPresent(p -> candidates.add(request.candidate(resource, OperationKind.MULTI_GET, "")));
        if (selector.isPresent()) {
            for (Object value : components.resolve(selector.get().getSchema()).getEnum()) {
                if (!Identifiers.isName(String.valueOf(value))) {
                    throw new Unmappable(Category.INVALID, "the finder '" + value + "' that q names is not a valid name");
                }
                candidates.add(request.candidate(resource, OperationKind.FINDER, String.valueOf(value)));
            }
        }
        boolean selects = ids.map(Conventions::isRequired).orElse(false) || selector.map(Conventions::isRequired).orElse(false);
        List<String> filters = requiredFilters(request);
        if (!selects) {
            // A list field without arguments could not send a required filter: such a list is a finder by its filters.
            candidates.add(filters.isEmpty() ? request.candidate(resource, OperationKind.GET_ALL, "")
                    : request.candidate(resource, OperationKind.FINDER, finderName(filters)));
        }
        return candidates;
    }

    /** The required query parameters of {@code GET /things} that neither select ids or a finder nor page. */
    private List<String> requiredFilters(Request request) {
        List<Parameter> query = Parameters.of(request.item(), request.operation(), components).stream()
                .filter(p -> "query".equals(p.getIn())).toList();
        Pagination paging = PagingConventions.detect(query.stream().map(Parameter::getName).collect(Collectors.toSet()));
        return query.stream().filter(Conventions::isRequired).map(Parameter::getName)
                .filter(name -> !name.equals(IDS) && !name.equals(FINDER_SELECTOR)
                        && !name.equals(paging.positionParameter()) && !name.equals(paging.sizeParameter()))
                .toList();
    }

    private Optional<Parameter> query(Request request, String name) {
        return Parameters.of(request.item(), request.operation(), components).stream()
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

    private static void requireMethod(Request request, HttpMethod expected, String what) {
        if (request.method() != expected) {
            throw new Unmappable(Category.OPERATION_FIELD, request.method() + " on " + what + " matches no convention");
        }
    }

    /** {@code [owner, slug]} → {@code byOwnerAndSlug}. */
    private static String finderName(List<String> keys) {
        return "by" + String.join("And", keys.stream().map(Identifiers::pascal).toList());
    }

    private static String patchName(Operation operation) {
        Optional<String> declared = Extensions.name(operation.getExtensions(), Extensions.NAME);
        if (declared.isPresent()) {
            return declared.get();
        }
        String fromId = operation.getOperationId() == null ? "" : Identifiers.identifier(operation.getOperationId());
        if (fromId.isEmpty()) {
            throw new Unmappable(Category.OPERATION_FIELD, "a PATCH needs a name (the field or aspect it changes): set "
                    + Extensions.NAME + " or an operationId");
        }
        return fromId;
    }

    /** The operationId without the resource's noun, so fields read noun first: {@code updatePetWithForm} → {@code updateWithForm}. */
    private static String actionName(Request request, Candidate.ResourceKey resource) {
        String operationId = request.operation().getOperationId();
        if (operationId == null || Identifiers.identifier(operationId).isEmpty()) {
            throw new Unmappable(Category.OPERATION_FIELD, request.method() + " on one element needs an operationId to name "
                    + "its action; or name it with " + Extensions.ACTION);
        }
        String name = Identifiers.withoutWord(operationId, resource.name());
        return name.isEmpty() ? Identifiers.identifier(operationId) : name;
    }

    private static Candidate.ResourceKey declaredResource(Request request) {
        PathShape shape = request.shape();
        String first = shape.isEmpty() ? "" : shape.segments().getFirst();
        return resource(request, first);
    }

    /** Named by {@code x-tributary-resource}, else after the collection segment, in the plural; versioned by the path. */
    private static Candidate.ResourceKey resource(Request request, String segment) {
        Extensions.ResourceExtension declared = request.declared();
        String name = declared == null ? null : declared.name();
        if (name == null) {
            if (PathShape.isVariable(segment) || Identifiers.identifier(segment).isEmpty()) {
                throw new Unmappable(Category.OPERATION_FIELD, "its path segment '" + segment + "' makes no resource name; name it with "
                        + Extensions.RESOURCE);
            }
            name = Identifiers.plural(Identifiers.identifier(segment));
        }
        int version = declared != null && declared.version() > 0 ? declared.version() : request.shape().version();
        return new Candidate.ResourceKey(name, version);
    }

    /** One OpenAPI operation being read. */
    private record Request(String path, PathItem item, HttpMethod method, Operation operation, PathShape shape,
                           Extensions.ResourceExtension declared) {
        Candidate candidate(Candidate.ResourceKey resource, OperationKind kind, String name) {
            return new Candidate(resource, declared, kind, name, path, method, operation, item);
        }
    }
}
