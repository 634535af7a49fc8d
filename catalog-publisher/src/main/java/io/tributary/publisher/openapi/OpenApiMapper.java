package io.tributary.publisher.openapi;

import io.tributary.publisher.openapi.UnmappedOperation.Category;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.tags.Tag;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.PathTemplate;
import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps a parsed OpenAPI 3.0 or 3.1 document to catalog resources, purely: document in, resources and report out.
 * Operations match by {@link Conventions}; a resource's model is the element its GET (else its first list operation)
 * returns; every operation that cannot be mapped is reported with its reason, never dropped in silence.
 */
public final class OpenApiMapper {
    private static final List<HttpMethod> METHOD_ORDER = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final Comparator<Resource> RESOURCE_ORDER = Comparator.comparing(Resource::name).thenComparing(Resource::version);
    private static final Comparator<Operation> OPERATION_ORDER = Comparator.comparing(Operation::kind).thenComparing(Operation::name);

    /** Key fields common enough to try when the GET's path variable is none of the model's fields. */
    private static final List<String> KEY_NAMES = List.of("id", "gid", "sid", "uuid", "key", "code", "slug", "name");

    private final OpenAPI document;
    private final Components components;
    private final Conventions conventions;
    private final SchemaTranslator schemas;
    private final OperationTranslator operations;
    private final CallTranslator calls;
    private final ClientHeaders clientHeaders;
    private final List<UnmappedOperation> unmapped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<StandardLinks.Target> targets = new ArrayList<>();

    private OpenApiMapper(OpenAPI document, Collection<String> forwardedHeaders) {
        this.document = document;
        this.components = new Components(document);
        this.conventions = new Conventions(components, Servers.basePath(document));
        this.schemas = new SchemaTranslator(components, notes);
        this.clientHeaders = ClientHeaders.of(document, forwardedHeaders);
        this.operations = new OperationTranslator(document, components, schemas, clientHeaders, notes);
        this.calls = new CallTranslator(components, schemas, operations, clientHeaders, notes);
    }

    /** Maps a document swagger-parser has read (with {@code resolve} on, so external {@code $ref}s are components). */
    public static OpenApiMapping map(OpenAPI document) {
        return map(document, List.of());
    }

    /**
     * Maps a document whose header parameters of these names (and its API keys in headers) the gateway forwards from
     * the client's request, so they are no arguments.
     */
    public static OpenApiMapping map(OpenAPI document, Collection<String> forwardedHeaders) {
        return new OpenApiMapper(document, forwardedHeaders).map();
    }

    private OpenApiMapping map() {
        Map<Candidate.ResourceKey, List<Candidate>> byResource = new TreeMap<>(
                Comparator.comparing(Candidate.ResourceKey::name).thenComparing(Candidate.ResourceKey::version));
        new TreeMap<>(document.getPaths() == null ? Map.<String, PathItem>of() : document.getPaths()).forEach((path, item) -> {
            Map<HttpMethod, io.swagger.v3.oas.models.Operation> byMethod = item.readOperationsMap();
            for (HttpMethod method : METHOD_ORDER) {
                io.swagger.v3.oas.models.Operation operation = byMethod.get(method);
                if (operation == null) {
                    continue;
                }
                try {
                    for (Candidate candidate : conventions.candidates(path, item, method, operation)) {
                        byResource.computeIfAbsent(candidate.resource(), k -> new ArrayList<>()).add(candidate);
                    }
                } catch (Unmappable e) {
                    unmapped.add(new UnmappedOperation(method.name(), path, e.category(), e.getMessage()));
                }
                callbacks(method + " " + path, operation);
            }
        });
        List<Resource> withoutLinks = new ArrayList<>();
        byResource.forEach((key, candidates) -> resource(key, candidates).ifPresent(withoutLinks::add));
        List<Resource> withoutClashes = new ArrayList<>(ModelFields.withoutClashes(withoutLinks, unmapped));
        withoutClashes.sort(RESOURCE_ORDER);
        // Links come after the operation fields: a link may target one.
        List<OperationField> unlinked = new CallFields(document, calls, Servers.basePath(document)).fields(withoutClashes, unmapped);
        StandardLinks links = new StandardLinks(document, components, notes::add);
        List<Resource> resources = withLinks(withoutClashes, links.relations(targets, unlinked), links);
        // A link to an operation that changes something is no relation; its Mutation field says where its arguments come from.
        List<OperationField> fields = unlinked.stream().map(f -> new OperationField(links.described(f.operation()), f.result())).toList();
        unmapped.sort(Comparator.comparing(UnmappedOperation::path)
                .thenComparing(u -> METHOD_ORDER.indexOf(HttpMethod.valueOf(u.method())))
                .thenComparing(UnmappedOperation::reason));
        clientHeaders.note().ifPresent(notes::add);
        String version = document.getInfo() == null ? "" : document.getInfo().getVersion();
        return new OpenApiMapping(resources, fields, distinct(unmapped), notes, version);
    }

    private Optional<Resource> resource(Candidate.ResourceKey key, List<Candidate> candidates) {
        OperationTranslator.Model model;
        String keyField;
        Map<Candidate, Unmappable> unreadable = new LinkedHashMap<>();
        try {
            model = model(key, candidates, unreadable);
            keyField = keyField(key, candidates, model);
        } catch (Unmappable e) {
            candidates.forEach(c -> {
                Unmappable reason = unreadable.getOrDefault(c, e);
                unmapped.add(new UnmappedOperation(c.method().name(), c.path(), reason.category(), reason.getMessage()));
            });
            return Optional.empty();
        }
        Map<String, Operation> mapped = new LinkedHashMap<>();
        Map<String, Candidate> mappedFrom = new LinkedHashMap<>();
        for (Candidate declared : candidates) {
            Candidate first = mappedFrom.get(declared.identity());
            Candidate candidate = first == null ? declared : asNamedAction(declared, key).orElse(declared);
            if (mappedFrom.containsKey(candidate.identity())) {
                unmapped(candidate, new Unmappable(Category.DUPLICATE, "it is a second " + declared.identity() + " of "
                        + key.qualifiedName() + ", which " + first.request() + " already is"));
                continue;
            }
            try {
                mapped.put(candidate.identity(), operations.translate(candidate, model));
                mappedFrom.put(candidate.identity(), candidate);
            } catch (Unmappable e) {
                unmapped(candidate, e);
            }
        }
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        List<Operation> sorted = mapped.values().stream().sorted(OPERATION_ORDER).toList();
        try {
            Resource resource = new Resource(key.name(), key.version(), description(candidates), model.avro(), keyField, sorted,
                    relations(key, candidates, model), "");
            Map<Candidate, Operation> from = new LinkedHashMap<>();
            mappedFrom.forEach((identity, candidate) -> from.put(candidate, mapped.get(identity)));
            targets.add(new StandardLinks.Target(key, model, keyField, from));
            return Optional.of(resource);
        } catch (InvalidCatalogException e) {
            mappedFrom.values().forEach(c -> unmapped(c, new Unmappable(Category.INVALID, key.qualifiedName() + " is not a valid resource: "
                    + e.getMessage())));
            return Optional.empty();
        }
    }

    /**
     * A second change of one kind ({@code POST /workspaces/{id}/projects} after {@code POST /projects}) as the ACTION its
     * operationId names without the noun ({@code createProjectForWorkspace} → {@code createForWorkspace}).
     */
    private static Optional<Candidate> asNamedAction(Candidate candidate, Candidate.ResourceKey key) {
        String operationId = candidate.operation().getOperationId();
        if (candidate.isRead() || operationId == null) {
            return Optional.empty();
        }
        String name = Identifiers.withoutWord(operationId, key.name());
        return name.isEmpty() ? Optional.empty() : Optional.of(new Candidate(candidate.resource(), candidate.declared(), OperationKind.ACTION,
                name, candidate.path(), candidate.method(), candidate.operation(), candidate.pathItem()));
    }

    /**
     * The element of the resource's GET, else of its first list operation whose response can be read; the reads
     * whose response cannot be read go to {@code unreadable} with the reason.
     */
    private OperationTranslator.Model model(Candidate.ResourceKey key, List<Candidate> candidates, Map<Candidate, Unmappable> unreadable) {
        List<Candidate> reads = candidates.stream().filter(Candidate::isRead)
                .sorted(Comparator.comparing(Candidate::kind)).toList();
        for (Candidate read : reads) {
            try {
                Schema<?> element = operations.shape(read).element();
                String modelName = Identifiers.pascal(Identifiers.singular(key.name()));
                org.apache.avro.Schema avro = schemas.record(element, SchemaTranslator.Site.of(modelName));
                return new OperationTranslator.Model(element, avro, key.qualifiedName());
            } catch (Unmappable e) {
                unreadable.put(read, e);
            }
        }
        if (unreadable.isEmpty()) {
            throw new Unmappable(Category.OPERATION_FIELD, key.qualifiedName() + " has no GET, MULTI_GET, GET_ALL or FINDER to take its model from");
        }
        Map.Entry<Candidate, Unmappable> first = unreadable.entrySet().iterator().next();
        throw new Unmappable(first.getValue().category(), key.qualifiedName() + " has no model: " + first.getKey().request() + ": "
                + first.getValue().getMessage());
    }

    /** Declared by {@code x-tributary-resource key}, else the GET's path variable, else {@code id}, if the model has it. */
    private static String keyField(Candidate.ResourceKey key, List<Candidate> candidates, OperationTranslator.Model model) {
        Optional<String> declared = candidates.stream().map(Candidate::declared).filter(Objects::nonNull)
                .map(Extensions.ResourceExtension::key).filter(Objects::nonNull).findFirst();
        if (declared.isPresent()) {
            if (model.avro().getField(declared.get()) == null) {
                throw new Unmappable(Category.INVALID, Extensions.RESOURCE + " names the key field '" + declared.get() + "', which "
                        + model.name() + " does not have");
            }
            return declared.get();
        }
        Set<String> tried = new LinkedHashSet<>();
        candidates.stream().filter(c -> c.kind() == OperationKind.GET)
                .map(c -> PathTemplate.variables(c.path()))
                .filter(v -> !v.isEmpty())
                .map(List::getLast)
                .forEach(variable -> {
                    tried.add(variable);
                    tried.add(Identifiers.withoutPrefix(variable, Identifiers.singular(key.name())));
                });
        tried.addAll(KEY_NAMES);
        tried.remove("");
        return tried.stream().map(name -> field(model, name)).flatMap(Optional::stream).findFirst().orElseThrow(() ->
                new Unmappable(Category.OPERATION_FIELD, key.qualifiedName() + " has no key field: its model " + model.name() + " has no field "
                        + String.join(" or ", tried.stream().map(n -> "'" + n + "'").toList()) + "; name it with "
                        + Extensions.RESOURCE + " key"));
    }

    /** The model's field of this name, matched without regard to case: a path's {@code {Sid}} is the field {@code sid}. */
    private static Optional<String> field(OperationTranslator.Model model, String name) {
        if (model.avro().getField(name) != null) {
            return Optional.of(name);
        }
        return model.avro().getFields().stream().map(org.apache.avro.Schema.Field::name).filter(f -> f.equalsIgnoreCase(name)).findFirst();
    }

    /** Declared by {@code x-tributary-resource description}, else the description of the GET's first tag. */
    private String description(List<Candidate> candidates) {
        Optional<String> declared = candidates.stream().map(Candidate::declared).filter(Objects::nonNull)
                .map(Extensions.ResourceExtension::description).filter(Objects::nonNull).findFirst();
        if (declared.isPresent()) {
            return declared.get();
        }
        List<Tag> tags = document.getTags() == null ? List.of() : document.getTags();
        return candidates.stream()
                .sorted(Comparator.comparing(Candidate::kind))
                .map(c -> c.operation().getTags())
                .filter(t -> t != null && !t.isEmpty())
                .map(List::getFirst)
                .flatMap(name -> tags.stream().filter(t -> name.equals(t.getName())))
                .map(Tag::getDescription)
                .filter(Objects::nonNull)
                .map(String::strip)
                .findFirst()
                .orElse("");
    }

    /** From {@code x-tributary-relations} on the model's component and on the resource's path items, once per field. */
    private List<Relation> relations(Candidate.ResourceKey key, List<Candidate> candidates, OperationTranslator.Model model) {
        Map<String, Relation> byField = new LinkedHashMap<>();
        List<Object> declarations = new ArrayList<>();
        Schema<?> modelSchema = components.resolve(model.schema());
        declarations.add(Extensions.get(modelSchema.getExtensions(), Extensions.RELATIONS));
        candidates.stream().map(Candidate::pathItem).distinct()
                .forEach(item -> declarations.add(Extensions.get(item.getExtensions(), Extensions.RELATIONS)));
        for (Object declaration : declarations) {
            for (Relation relation : RelationExtension.read(declaration, key.qualifiedName(), notes::add)) {
                if (model.avro().getField(relation.field()) != null) {
                    notes.add(key.qualifiedName() + ": relation '" + relation.field() + "' left out: " + model.name()
                            + " has a field of that name");
                } else {
                    byField.putIfAbsent(relation.field(), relation);
                }
            }
        }
        return List.copyOf(byField.values());
    }

    /** Lists the callbacks of an operation: requests the service makes to its caller, which a graph cannot serve. */
    private void callbacks(String request, io.swagger.v3.oas.models.Operation operation) {
        if (operation.getCallbacks() == null) {
            return;
        }
        operation.getCallbacks().forEach((name, callback) -> callback.forEach((expression, item) ->
                item.readOperationsMap().keySet().forEach(method -> unmapped.add(new UnmappedOperation(method.name(), expression,
                        Category.CALLBACK, "callback '" + name + "' of " + request + ": the service calls its caller back, "
                        + "which no graph field can serve")))));
    }

    /**
     * Adds the relations of standard links to their resources, after those {@code x-tributary-relations} declares, and
     * to the operations links target that change something, the links' description.
     */
    private List<Resource> withLinks(List<Resource> resources, Map<String, List<Relation>> linked, StandardLinks links) {
        List<Resource> withLinks = new ArrayList<>();
        for (Resource resource : resources) {
            Map<String, Relation> byField = new LinkedHashMap<>();
            resource.relations().forEach(r -> byField.put(r.field(), r));
            for (Relation relation : linked.getOrDefault(resource.qualifiedName(), List.of())) {
                if (resource.model().getField(relation.field()) != null || byField.containsKey(relation.field())) {
                    notes.add(resource.qualifiedName() + ": link '" + relation.field() + "' left out: " + resource.modelName()
                            + " already has a field or relation of that name");
                } else {
                    byField.put(relation.field(), relation);
                }
            }
            withLinks.add(new Resource(resource.name(), resource.version(), resource.description(), resource.model(), resource.keyField(),
                    resource.operations().stream().map(links::described).toList(), List.copyOf(byField.values()), resource.deprecationReason()));
        }
        return withLinks;
    }

    /** Reports a candidate; one of several from the same OpenAPI operation ({@code GET /things}) says which it was. */
    private void unmapped(Candidate candidate, Unmappable reason) {
        boolean oneOfSeveral = candidate.method() == HttpMethod.GET && candidate.kind() != OperationKind.GET
                && Extensions.get(candidate.operation().getExtensions(), Extensions.FINDER) == null;
        unmapped.add(new UnmappedOperation(candidate.method().name(), candidate.path(), reason.category(),
                oneOfSeveral ? "as " + candidate.identity() + ": " + reason.getMessage() : reason.getMessage()));
    }

    private static List<UnmappedOperation> distinct(List<UnmappedOperation> operations) {
        return List.copyOf(new LinkedHashSet<>(operations));
    }
}
