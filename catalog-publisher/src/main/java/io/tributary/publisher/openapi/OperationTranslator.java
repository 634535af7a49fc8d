package io.tributary.publisher.openapi;

import io.tributary.publisher.openapi.UnmappedOperation.Category;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Pagination;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.PathTemplate;
import io.tributary.catalog.ResponseEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns one {@link Candidate} into a catalog {@link Operation} once its resource's model is known: parameters
 * (paging, {@code fields} and the finder selector {@code q} become pagination, projection and the finder's name),
 * request body, where the elements sit in the response (and that they are the model), required OAuth scopes,
 * deprecation and description.
 */
final class OperationTranslator {
    static final String PROJECTION = "fields";

    private final OpenAPI document;
    private final Components components;
    private final SchemaTranslator schemas;
    private final ResponseShapes shapes;
    private final List<String> notes;

    OperationTranslator(OpenAPI document, Components components, SchemaTranslator schemas, List<String> notes) {
        this.document = document;
        this.components = components;
        this.schemas = schemas;
        this.shapes = new ResponseShapes(components);
        this.notes = notes;
    }

    /** The model of a resource: its OpenAPI schema (to compare elements with) and its Avro record. */
    record Model(Schema<?> schema, org.apache.avro.Schema avro, String resource) {
        String name() {
            return avro.getName();
        }
    }

    /** Where a read operation's elements are; the first read operation's shape gives the resource its model. */
    ResponseShapes.Shape shape(Candidate candidate) {
        return shapes.of(candidate.operation(), candidate.kind() != OperationKind.GET);
    }

    Operation translate(Candidate candidate, Model model) {
        if (candidate.kind() == OperationKind.GET && PathTemplate.variables(candidate.path()).size() > 1) {
            throw new Unmappable(Category.COMPOSITE_KEY, "it reads one " + model.name() + " by " + PathTemplate.variables(candidate.path())
                    + ", but a resource's GET takes one key");
        }
        requireModelResponse(candidate, model);
        List<Parameter> declared = Parameters.of(candidate.pathItem(), candidate.operation(), components);
        Set<String> query = declared.stream().filter(p -> "query".equals(p.getIn())).map(Parameter::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Pagination pagination = pagination(candidate, query);
        ResponseEnvelope envelope = envelope(candidate, model);
        if (pagination.style() == Pagination.Style.CURSOR && envelope.next().isEmpty()) {
            throw new Unmappable(Category.OPERATION_FIELD, "it pages by cursor, but its response says nowhere where the next cursor is; add "
                    + Extensions.ENVELOPE + " next");
        }
        List<io.tributary.catalog.Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : declared) {
            if (!takes(candidate.kind(), parameter, pagination)) {
                continue;
            }
            if ("query".equals(parameter.getIn()) && !Identifiers.isName(parameter.getName()) && !Boolean.TRUE.equals(parameter.getRequired())) {
                notes.add(candidate.request() + ": optional query parameter '" + parameter.getName() + "' left out: not a valid argument name");
                continue;
            }
            parameters.add(parameter(candidate, parameter, model));
        }
        parameters.addAll(body(candidate, model));
        requirePathParameters(candidate, parameters);
        io.swagger.v3.oas.models.Operation operation = candidate.operation();
        try {
            return Operation.builder(candidate.kind(), candidate.method().name(), candidate.path())
                    .name(candidate.name())
                    .parameters(parameters)
                    .pagination(pagination)
                    .envelope(envelope)
                    .projection(query.contains(PROJECTION))
                    .scopes(scopes(operation))
                    .deprecated(Boolean.TRUE.equals(operation.getDeprecated()) ? "Deprecated in the service's OpenAPI document." : "")
                    .description(Objects.requireNonNullElse(operation.getDescription(), Objects.requireNonNullElse(operation.getSummary(), "")).strip())
                    .build();
        } catch (InvalidCatalogException e) {
            throw new Unmappable(Category.INVALID, e.getMessage());
        }
    }

    private Pagination pagination(Candidate candidate, Set<String> query) {
        if (candidate.kind() != OperationKind.GET_ALL && candidate.kind() != OperationKind.FINDER) {
            return Pagination.NONE;
        }
        return Extensions.pagination(candidate.operation().getExtensions()).orElseGet(() -> PagingConventions.detect(query));
    }

    private ResponseEnvelope envelope(Candidate candidate, Model model) {
        if (!candidate.isRead()) {
            return Extensions.envelope(candidate.operation().getExtensions()).orElseGet(() -> changeEnvelope(candidate));
        }
        ResponseShapes.Shape shape = shape(candidate);
        if (!sameSchema(shape.element(), model.schema())) {
            throw new Unmappable(isSummary(shape.element(), model) ? Category.PARTIAL_ELEMENTS : Category.OPERATION_FIELD,
                    "its elements are " + SchemaTranslator.describe(shape.element()) + ", not " + model.resource() + "'s model " + model.name());
        }
        return shape.envelope();
    }

    /** Where a change's answer sits: under {@code data} when it is wrapped, else the body (or nothing). */
    private ResponseEnvelope changeEnvelope(Candidate candidate) {
        try {
            return shapes.of(candidate.operation(), false).envelope();
        } catch (Unmappable e) {
            return ResponseEnvelope.BARE;
        }
    }

    /** A change that answers with something other than the model would give its field the wrong type. */
    private void requireModelResponse(Candidate candidate, Model model) {
        if (candidate.isRead() || candidate.kind() == OperationKind.DELETE) {
            return;
        }
        if (!shapes.hasJsonBody(candidate.operation())) {
            return;
        }
        ResponseShapes.Shape shape;
        try {
            shape = shapes.of(candidate.operation(), false);
        } catch (Unmappable e) {
            throw new Unmappable(Category.OPERATION_FIELD, "it answers with something other than " + model.name() + ": " + e.getMessage());
        }
        if (!sameSchema(shape.element(), model.schema())) {
            throw new Unmappable(Category.OPERATION_FIELD, "it answers with " + SchemaTranslator.describe(shape.element())
                    + ", not " + model.resource() + "'s model " + model.name());
        }
    }

    /** An object whose properties are some of the model's fields: a list's compact form of what the GET answers. */
    private boolean isSummary(Schema<?> element, Model model) {
        Schema<?> resolved = components.resolve(element);
        Set<String> properties = JsonSchemas.isObject(resolved) ? JsonSchemas.properties(resolved, components).keySet() : Set.of();
        return !properties.isEmpty() && properties.stream().allMatch(p -> model.avro().getField(p) != null);
    }

    /** The same component, or the same inline schema: only then are the elements the model. */
    static boolean sameSchema(Schema<?> element, Schema<?> model) {
        if (element.get$ref() != null || model.get$ref() != null) {
            return element.get$ref() != null && model.get$ref() != null
                    && Components.componentName(element.get$ref()).equals(Components.componentName(model.get$ref()));
        }
        return element.equals(model);
    }

    /** Whether a catalog operation of this kind takes the parameter; headers and cookies it cannot send at all. */
    private static boolean takes(OperationKind kind, Parameter parameter, Pagination pagination) {
        String name = parameter.getName();
        switch (Objects.requireNonNullElse(parameter.getIn(), "")) {
            case "path" -> {
                return true;
            }
            case "query" -> {
                if (name.equals(PROJECTION) || name.equals(pagination.positionParameter()) || name.equals(pagination.sizeParameter())) {
                    return false;
                }
                return switch (kind) {
                    case MULTI_GET -> name.equals(Conventions.IDS);
                    case GET_ALL, FINDER -> !name.equals(Conventions.IDS) && !name.equals(Conventions.FINDER_SELECTOR);
                    default -> true;
                };
            }
            default -> {
                if (Boolean.TRUE.equals(parameter.getRequired())) {
                    throw new Unmappable(Category.HEADER_OR_COOKIE, "it needs the " + parameter.getIn() + " parameter " + name + ", which the gateway cannot send");
                }
                return false;
            }
        }
    }

    private io.tributary.catalog.Parameter parameter(Candidate candidate, Parameter parameter, Model model) {
        String name = parameter.getName();
        boolean path = "path".equals(parameter.getIn());
        if (!Identifiers.isName(name)) {
            throw new Unmappable(Category.PARAMETER_NAME, (path ? "path variable {" : "query parameter '") + name + (path ? "}" : "'")
                    + " is not a valid argument name");
        }
        Schema<?> schema = parameter.getSchema() != null ? parameter.getSchema() : ResponseShapes.jsonSchema(parameter.getContent());
        String description = Objects.requireNonNullElse(parameter.getDescription(), "");
        if (candidate.kind() == OperationKind.MULTI_GET && name.equals(Conventions.IDS)) {
            return ids(candidate, parameter, schema, description);
        }
        org.apache.avro.Schema avro = schema == null
                ? org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING)
                : schemas.value(schema, new SchemaTranslator.Site(candidate.request() + " " + name, model.name() + Identifiers.pascal(name)));
        return new io.tributary.catalog.Parameter(name, avro, path ? Location.PATH : Location.QUERY,
                path || Boolean.TRUE.equals(parameter.getRequired()), description);
    }

    /**
     * The gateway sends {@code ids=a,b}. An array in OpenAPI's default style (form, explode) wants {@code ids=a&ids=b}:
     * mapped all the same, with a note, until the catalog carries a parameter's style and explode.
     */
    private io.tributary.catalog.Parameter ids(Candidate candidate, Parameter parameter, Schema<?> schema, String description) {
        boolean exploded = !Boolean.FALSE.equals(parameter.getExplode()) && (parameter.getStyle() == null
                || parameter.getStyle() == Parameter.StyleEnum.FORM);
        if (schema != null && JsonSchemas.isArray(components.resolve(schema)) && exploded) {
            notes.add(candidate.request() + ": MULTI_GET takes ids as ids=a&ids=b (form, explode), but the gateway sends ids=a,b "
                    + "until the catalog carries parameter style and explode");
        }
        return new io.tributary.catalog.Parameter(Conventions.IDS, org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING),
                Location.QUERY, true, description.isEmpty() ? "Comma-separated ids." : description);
    }

    /**
     * CREATE and UPDATE take the body as one parameter named after the model ({@code partner}); PATCH and ACTION take
     * each property of an object body as a parameter of its own ({@code status}), as their GraphQL arguments read.
     */
    private List<io.tributary.catalog.Parameter> body(Candidate candidate, Model model) {
        if (candidate.operation().getRequestBody() == null || candidate.isRead()) {
            return List.of();
        }
        RequestBody body = components.requestBody(candidate.operation().getRequestBody());
        boolean required = Boolean.TRUE.equals(body.getRequired());
        Schema<?> schema = ResponseShapes.jsonSchema(body.getContent());
        if (schema == null) {
            if (!required && (body.getContent() == null || body.getContent().isEmpty())) {
                return List.of();
            }
            // Sent without its form or file, an operation with an optional non-JSON body would do nothing useful.
            throw new Unmappable(isBinary(body) ? Category.BINARY_UPLOAD : Category.NON_JSON, "its request body is "
                    + (body.getContent() == null ? "without content" : body.getContent().keySet()) + ", but the gateway sends JSON");
        }
        String typeName = model.name() + Identifiers.pascal(candidate.name().isEmpty() ? candidate.kind().name().toLowerCase(Locale.ROOT) : candidate.name());
        SchemaTranslator.Site site = new SchemaTranslator.Site(candidate.request() + " body", typeName);
        Schema<?> resolved = components.resolve(schema);
        boolean spread = (candidate.kind() == OperationKind.PATCH || candidate.kind() == OperationKind.ACTION)
                && JsonSchemas.isObject(resolved) && !JsonSchemas.properties(resolved, components).isEmpty();
        if (!spread) {
            String name = candidate.kind() == OperationKind.CREATE || candidate.kind() == OperationKind.UPDATE
                    ? Identifiers.camel(model.name()) : "body";
            return List.of(new io.tributary.catalog.Parameter(name, schemas.value(schema, site), Location.BODY, required,
                    Objects.requireNonNullElse(body.getDescription(), "")));
        }
        Set<String> requiredProperties = JsonSchemas.required(resolved, components);
        List<io.tributary.catalog.Parameter> parameters = new ArrayList<>();
        for (Map.Entry<String, Schema<?>> property : JsonSchemas.properties(resolved, components).entrySet()) {
            String name = property.getKey();
            if (!Identifiers.isName(name)) {
                throw new Unmappable(Category.INVALID, "its request body property '" + name + "' is not a valid argument name");
            }
            parameters.add(new io.tributary.catalog.Parameter(name, schemas.value(property.getValue(), site.property(name)), Location.BODY,
                    required && requiredProperties.contains(name), Objects.requireNonNullElse(property.getValue().getDescription(), "")));
        }
        return parameters;
    }

    /** A file: multipart, octet-stream, or a schema of format binary. */
    private static boolean isBinary(RequestBody body) {
        return body.getContent() != null && body.getContent().entrySet().stream().anyMatch(e -> e.getKey().startsWith("multipart/")
                || e.getKey().equals("application/octet-stream")
                || (e.getValue().getSchema() != null && "binary".equals(e.getValue().getSchema().getFormat())));
    }

    private static void requirePathParameters(Candidate candidate, List<io.tributary.catalog.Parameter> parameters) {
        for (String variable : PathTemplate.variables(candidate.path())) {
            if (parameters.stream().noneMatch(p -> p.location() == Location.PATH && p.name().equals(variable))) {
                throw new Unmappable(Category.INVALID, "its path variable {" + variable + "} has no path parameter");
            }
        }
    }

    /** The OAuth scopes named in the operation's security requirements (or the document's), sorted. */
    List<String> scopes(io.swagger.v3.oas.models.Operation operation) {
        List<SecurityRequirement> requirements = Optional.ofNullable(operation.getSecurity()).orElse(document.getSecurity());
        if (requirements == null) {
            return List.of();
        }
        return requirements.stream().flatMap(r -> r.values().stream()).flatMap(List::stream).distinct().sorted().toList();
    }
}
