package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.PathTemplate;
import io.tributary.catalog.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns OpenAPI's standard {@code links} into relations of the resource whose model the linking response returns:
 * FORWARD when the target is a GET or MULTI_GET by the linked key, REVERSE when it is a finder, CALL when it is a GET
 * that became an operation field (such as a GET by two path parameters). Links may sit inline or in
 * {@code components.links}, name their target by {@code operationId} or {@code operationRef}, and take values from
 * {@code $response.body#/field} or, for a GET, {@code $request.path.<key>}. A response that is an array of a model
 * links each element: its pointers are read against each element (the only reading that makes sense), and the
 * relation goes on the element's type. A link that cannot be a relation is left out with a note that says why. A link
 * to an operation that changes something is no field of the linking type: the GraphQL spec requires every field other
 * than a top-level Mutation field to resolve free of side effects and idempotently (its fields may be resolved in any
 * order, in parallel, again). The operation's own Mutation field says instead, in its description, which fields of the
 * linking type fill its arguments: the link is surfaced without a side effect.
 */
final class StandardLinks {
    private static final String BODY = "$response.body#";
    private static final String REQUEST_PATH = "$request.path.";
    private static final java.util.Set<OperationKind> READS = java.util.EnumSet.of(OperationKind.GET, OperationKind.MULTI_GET,
            OperationKind.GET_ALL, OperationKind.FINDER, OperationKind.CALL);

    private final OpenAPI document;
    private final Components components;
    private final ResponseShapes shapes;
    private final Consumer<String> notes;
    /** What links to operations that change something say, by the operation they target. */
    private final Map<Operation, List<String>> mutationLinks = new LinkedHashMap<>();

    StandardLinks(OpenAPI document, Components components, Consumer<String> notes) {
        this.document = document;
        this.components = components;
        this.shapes = new ResponseShapes(components);
        this.notes = notes;
    }

    /** A mapped resource as links see it: its key, model and the operations it was mapped from. */
    record Target(Candidate.ResourceKey resource, OperationTranslator.Model model, String keyField, Map<Candidate, Operation> operations) {
    }

    /** The relations the document's links give each resource, by qualified name; {@code calls} are the document's operation fields. */
    Map<String, List<Relation>> relations(List<Target> targets, List<OperationField> calls) {
        Map<String, List<Relation>> byResource = new TreeMap<>();
        new TreeMap<>(document.getPaths() == null ? Map.<String, PathItem>of() : document.getPaths()).forEach((path, item) ->
                item.readOperationsMap().forEach((method, operation) -> {
                    if (operation.getResponses() == null) {
                        return;
                    }
                    operation.getResponses().forEach((code, response) -> {
                        ApiResponse resolved = components.response(response);
                        if (code.startsWith("2") && resolved.getLinks() != null) {
                            resolved.getLinks().forEach((name, link) -> relation(method + " " + path, operation, name, link, targets, calls)
                                    .ifPresent(r -> byResource.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r.relation())));
                        }
                    });
                }));
        return byResource;
    }

    private record Sourced(String source, Relation relation) {
    }

    private Optional<Sourced> relation(String request, io.swagger.v3.oas.models.Operation operation, String name, Link declared,
                                       List<Target> targets, List<OperationField> calls) {
        String where = request + ": link '" + name + "' left out: ";
        Link link = resolve(declared);
        if (link == null) {
            notes.accept(where + "its $ref names no component link");
            return Optional.empty();
        }
        ResponseShapes.Shape shape;
        boolean eachElement = shapes.isArray(operation);
        try {
            shape = shapes.of(operation, eachElement);
        } catch (Unmappable e) {
            notes.accept(where + "its response is not one element: " + e.getMessage());
            return Optional.empty();
        }
        Optional<Target> source = targets.stream().filter(t -> OperationTranslator.sameSchema(shape.element(), t.model().schema())).findFirst();
        Optional<Map.Entry<Candidate, Operation>> target = target(link, targets);
        Optional<OperationField> call = target.isEmpty() ? call(link, calls) : Optional.empty();
        if (source.isEmpty() || (target.isEmpty() && call.isEmpty())) {
            notes.accept(where + (source.isEmpty() ? "its response " + SchemaTranslator.describe(shape.element()) + " is no resource's model"
                    : "its target " + describeTarget(link) + " is neither a mapped operation nor an operation field"));
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        String undeclared = null;
        for (Map.Entry<String, String> parameter : parameters(link).entrySet()) {
            Optional<Value> value = value(parameter.getValue(), shape.envelope().elements(), source.get(), operation);
            if (value.isEmpty()) {
                notes.accept(where + "its parameter " + parameter.getKey() + " = " + parameter.getValue()
                        + " is not a field of " + source.get().model().name());
                return Optional.empty();
            }
            values.put(parameter.getKey(), value.get().template());
            undeclared = value.get().undeclared() ? value.get().template().substring(1) : undeclared;
        }
        String field = Identifiers.identifier(name);
        String qualified = source.get().resource().qualifiedName();
        boolean forward = call.isEmpty() && (target.get().getKey().kind() == OperationKind.GET || target.get().getKey().kind() == OperationKind.MULTI_GET);
        if (undeclared != null && !forward) {
            notes.accept(where + "it reads " + undeclared + ", which " + source.get().model().name()
                    + " does not declare, and only a forward relation reads its key from a property its model leaves out");
            return Optional.empty();
        }
        Optional<Operation> changes = call.isPresent() ? Optional.of(call.get().operation()).filter(o -> !call.get().isQuery())
                : Optional.of(target.get().getValue()).filter(o -> !READS.contains(o.kind()));
        if (changes.isPresent()) {
            mutationLink(where, name, source.get().model().name(), changes.get(), values);
            return Optional.empty();
        }
        try {
            Optional<Relation> relation = call.isPresent() ? call(call.get(), field, values, where)
                    : kind(target.get().getKey(), target.get().getValue(), field, values, undeclared != null, where);
            if (relation.isPresent() && eachElement) {
                notes.accept(request + ": link '" + name + "' is read against each element of the array it answers, a relation of "
                        + source.get().model().name());
            }
            if (relation.isPresent() && undeclared != null) {
                notes.accept(request + ": link '" + name + "' reads its key " + undeclared + " from the service's JSON although "
                        + source.get().model().name() + " does not declare it: " + source.get().model().name() + "." + field
                        + " is null where a response has no " + undeclared);
            }
            return relation.map(r -> new Sourced(qualified, r));
        } catch (InvalidCatalogException e) {
            notes.accept(where + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * FORWARD to a GET or MULTI_GET by one key ({@code undeclared} when the key is a property the source's model leaves
     * out), REVERSE to a finder whose path variables the link fills.
     */
    private Optional<Relation> kind(Candidate target, Operation operation, String field, Map<String, String> values, boolean undeclared,
                                    String where) {
        String resource = target.resource().qualifiedName();
        String description = "Linked in the service's OpenAPI document.";
        switch (target.kind()) {
            case GET, MULTI_GET -> {
                String key = target.kind() == OperationKind.GET ? PathTemplate.variables(target.path()).getLast() : Conventions.IDS;
                String value = values.get(key);
                if (values.size() != 1 || value == null || !value.startsWith("$") || value.contains(".")) {
                    notes.accept(where + "a forward relation fills just the key " + key + " of " + resource + ", it fills " + values.keySet());
                    return Optional.empty();
                }
                return Optional.of(new Relation.Forward(field, resource, value.substring(1), undeclared, description));
            }
            case FINDER -> {
                List<String> unfilled = operation.parameters().stream()
                        .filter(p -> p.required() && !values.containsKey(p.name())).map(io.tributary.catalog.Parameter::name).toList();
                if (!unfilled.isEmpty()) {
                    notes.accept(where + "it leaves the finder's required " + unfilled + " unfilled");
                    return Optional.empty();
                }
                return Optional.of(new Relation.Reverse(field, resource, target.name(), values, description));
            }
            default -> {
                notes.accept(where + "its target is " + target.kind() + " " + target.request() + ", not a GET, MULTI_GET or finder");
                return Optional.empty();
            }
        }
    }

    /**
     * A link to an operation that changes something: no field of the linking type, with a note saying why, and a
     * sentence for the operation's Mutation field naming the link and where its arguments come from.
     */
    private void mutationLink(String where, String name, String sourceModel, Operation target, Map<String, String> values) {
        String request = target.httpMethod().toUpperCase(java.util.Locale.ROOT) + " " + target.path();
        String arguments = String.join(", ", values.entrySet().stream().map(v -> Parameters.argumentName(v.getKey()) + " = "
                + (v.getValue().startsWith("$") ? sourceModel + "." + v.getValue().substring(1) : v.getValue())).toList());
        notes.accept(where + "its target " + (target.kind() == OperationKind.CALL ? "" : target.kind() + " ")
                + (target.name().isEmpty() ? "" : target.name() + ", ") + request + ", changes something, and the GraphQL spec requires "
                + "every field other than a top-level Mutation field to resolve free of side effects and idempotently, so it is no field of "
                + sourceModel + "; it stays a Mutation field, whose description names this link and the fields of " + sourceModel
                + " that fill its arguments: " + arguments);
        mutationLinks.computeIfAbsent(target, t -> new ArrayList<>()).add("Linked from " + sourceModel + " in the service's OpenAPI document "
                + "(link '" + name + "'): take " + arguments + ".");
    }

    /** The operation, its description saying which links target it when it changes something. */
    Operation described(Operation operation) {
        List<String> links = mutationLinks.get(operation);
        if (links == null) {
            return operation;
        }
        String own = operation.description().isEmpty() ? "" : operation.description() + "\n\n";
        return operation.withDescription(own + String.join("\n", links));
    }

    /** CALL to a GET operation field whose required parameters the link fills, by the field's parameter names. */
    private Optional<Relation> call(OperationField call, String field, Map<String, String> values, String where) {
        String request = call.operation().httpMethod().toUpperCase(java.util.Locale.ROOT) + " " + call.operation().path();
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            Optional<io.tributary.catalog.Parameter> parameter = call.operation().parameters().stream()
                    .filter(p -> p.name().equals(Parameters.argumentName(value.getKey())) || p.wireName().equals(value.getKey())).findFirst();
            if (parameter.isEmpty()) {
                notes.accept(where + "the operation field " + call.name() + " (" + request + ") has no parameter " + value.getKey());
                return Optional.empty();
            }
            arguments.put(parameter.get().name(), value.getValue());
        }
        List<String> unfilled = call.operation().parameters().stream()
                .filter(p -> p.required() && p.constant().isEmpty() && !arguments.containsKey(p.name()))
                .map(io.tributary.catalog.Parameter::name).toList();
        if (!unfilled.isEmpty()) {
            notes.accept(where + "it leaves the operation field " + call.name() + "'s required " + unfilled + " unfilled");
            return Optional.empty();
        }
        return Optional.of(new Relation.Call(field, call.name(), arguments, "Linked in the service's OpenAPI document."));
    }

    /** The operation field a link targets: the one made of the same method and path. */
    private Optional<OperationField> call(Link link, List<OperationField> calls) {
        Optional<io.swagger.v3.oas.models.Operation> operation = link.getOperationId() != null ? byId(link.getOperationId()) : byRef(link.getOperationRef());
        if (operation.isEmpty() || document.getPaths() == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            for (Map.Entry<HttpMethod, io.swagger.v3.oas.models.Operation> method : path.getValue().readOperationsMap().entrySet()) {
                if (method.getValue() == operation.get()) {
                    String request = method.getKey().name() + " " + Parameters.pathWithArgumentNames(path.getKey());
                    return calls.stream().filter(c -> (c.operation().httpMethod().toUpperCase(java.util.Locale.ROOT) + " "
                            + c.operation().path()).equals(request)).findFirst();
                }
            }
        }
        return Optional.empty();
    }

    /** A link parameter's value as a relation template; {@code undeclared} when it is a property the model leaves out. */
    private record Value(String template, boolean undeclared) {
    }

    /**
     * {@code $response.body#/owner} → {@code $owner}; {@code $request.path.id} of a GET by that key → {@code $<key field>};
     * constants as they are. A top-level property the model does not declare is still read, as undeclared: services
     * often return properties their schema leaves out, and the link says this one is there.
     */
    private static Optional<Value> value(String expression, String elements, Target source, io.swagger.v3.oas.models.Operation operation) {
        if (expression.startsWith(BODY)) {
            String pointer = expression.substring(BODY.length());
            if (!pointer.startsWith(elements + "/")) {
                return Optional.empty();
            }
            String[] steps = pointer.substring(elements.length() + 1).split("/");
            org.apache.avro.Schema at = source.model().avro();
            for (String step : steps) {
                org.apache.avro.Schema record = at.getType() == org.apache.avro.Schema.Type.UNION
                        ? at.getTypes().stream().filter(s -> s.getType() != org.apache.avro.Schema.Type.NULL).findFirst().orElse(at) : at;
                if (record.getType() == org.apache.avro.Schema.Type.RECORD && record.getField(step) == null && steps.length == 1
                        && Identifiers.isName(step)) {
                    return Optional.of(new Value("$" + step, true));
                }
                if (record.getType() != org.apache.avro.Schema.Type.RECORD || record.getField(step) == null) {
                    return Optional.empty();
                }
                at = record.getField(step).schema();
            }
            return Optional.of(new Value("$" + String.join(".", steps), false));
        }
        if (expression.startsWith(REQUEST_PATH)) {
            String variable = expression.substring(REQUEST_PATH.length());
            boolean isKey = source.operations().keySet().stream().anyMatch(c -> c.operation() == operation && c.kind() == OperationKind.GET
                    && PathTemplate.variables(c.path()).getLast().equals(variable));
            return isKey ? Optional.of(new Value("$" + source.keyField(), false)) : Optional.empty();
        }
        return expression.startsWith("$") ? Optional.empty() : Optional.of(new Value(expression, false));
    }

    /** The link's parameters by the target's parameter name, without a {@code path.} or {@code query.} qualifier. */
    private static Map<String, String> parameters(Link link) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (link.getParameters() != null) {
            link.getParameters().forEach((name, value) -> parameters.put(name.replaceFirst("^(path|query|header|cookie)\\.", ""),
                    String.valueOf(value)));
        }
        return parameters;
    }

    /** The mapped operation a link targets, preferring the kinds a relation can use when one OpenAPI operation is several. */
    private Optional<Map.Entry<Candidate, Operation>> target(Link link, List<Target> targets) {
        Optional<io.swagger.v3.oas.models.Operation> operation = link.getOperationId() != null ? byId(link.getOperationId()) : byRef(link.getOperationRef());
        return operation.flatMap(o -> targets.stream().flatMap(t -> t.operations().entrySet().stream())
                .filter(e -> e.getKey().operation() == o)
                .min((a, b) -> Integer.compare(rank(a.getKey().kind()), rank(b.getKey().kind()))));
    }

    private static int rank(OperationKind kind) {
        return switch (kind) {
            case MULTI_GET -> 0;
            case GET -> 1;
            case FINDER -> 2;
            default -> 3;
        };
    }

    private Optional<io.swagger.v3.oas.models.Operation> byId(String operationId) {
        return document.getPaths() == null ? Optional.empty() : document.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .filter(o -> operationId.equals(o.getOperationId())).findFirst();
    }

    /** {@code #/paths/~12.0~1users~1{username}/get}, also behind a document URL. */
    private Optional<io.swagger.v3.oas.models.Operation> byRef(String operationRef) {
        if (operationRef == null || !operationRef.contains("#/paths/") || document.getPaths() == null) {
            return Optional.empty();
        }
        String[] parts = operationRef.substring(operationRef.indexOf("#/paths/") + "#/paths/".length()).split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        PathItem item = document.getPaths().get(parts[0].replace("~1", "/").replace("~0", "~"));
        try {
            return item == null ? Optional.empty() : Optional.ofNullable(item.readOperationsMap().get(HttpMethod.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Link resolve(Link link) {
        if (link.get$ref() == null) {
            return link;
        }
        Map<String, Link> declared = document.getComponents() == null ? null : document.getComponents().getLinks();
        return declared == null ? null : declared.get(Components.componentName(link.get$ref()));
    }

    private static String describeTarget(Link link) {
        return link.getOperationId() != null ? "operationId " + link.getOperationId() : "operationRef " + link.getOperationRef();
    }
}
