package io.tributary.publisher.openapi;

import io.tributary.publisher.openapi.UnmappedOperation.Category;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.tributary.catalog.BodyEncoding;
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
 * (paging, {@code fields} and the finder selector {@code q} become pagination, projection and the finder's name; the
 * others keep their location, style and explode, under a GraphQL name when theirs is none: {@code api-version} →
 * {@code apiVersion}), request body (JSON or a form, as {@link RequestBodies} says), where the elements sit in the
 * response (and that they are the model), required OAuth scopes, deprecation and description.
 */
final class OperationTranslator {
    static final String PROJECTION = "fields";

    private final OpenAPI document;
    private final Components components;
    private final SchemaTranslator schemas;
    private final ResponseShapes shapes;
    private final ClientHeaders clientHeaders;
    private final List<String> notes;

    OperationTranslator(OpenAPI document, Components components, SchemaTranslator schemas, ClientHeaders clientHeaders, List<String> notes) {
        this.document = document;
        this.clientHeaders = clientHeaders;
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
        List<io.tributary.catalog.Parameter> parameters = new ArrayList<>(selector(candidate, declared));
        for (Parameter parameter : declared) {
            if (takes(candidate, parameter, pagination)) {
                parameters.add(parameter(candidate, parameter, model));
            }
        }
        requireDistinctArguments(parameters);
        Optional<RequestBodies.Sendable> body = candidate.operation().getRequestBody() == null || candidate.isRead() ? Optional.empty()
                : RequestBodies.of(components.requestBody(candidate.operation().getRequestBody()), components);
        body.ifPresent(sendable -> parameters.addAll(body(candidate, model, sendable,
                parameters.stream().map(io.tributary.catalog.Parameter::name).collect(Collectors.toSet()))));
        String path = Parameters.pathWithArgumentNames(candidate.path());
        requirePathParameters(candidate, path, parameters);
        io.swagger.v3.oas.models.Operation operation = candidate.operation();
        try {
            return Operation.builder(candidate.kind(), candidate.method().name(), path)
                    .name(candidate.name())
                    .parameters(parameters)
                    .pagination(pagination)
                    .envelope(envelope)
                    .projection(query.contains(PROJECTION))
                    .scopes(scopes(operation))
                    .deprecated(Boolean.TRUE.equals(operation.getDeprecated()) ? "Deprecated in the service's OpenAPI document." : "")
                    .description(Objects.requireNonNullElse(operation.getDescription(), Objects.requireNonNullElse(operation.getSummary(), "")).strip())
                    .bodyEncoding(body.map(RequestBodies.Sendable::encoding).orElse(BodyEncoding.JSON))
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

    /**
     * Whether a catalog operation of this kind takes the parameter. OpenAPI says a header parameter named
     * {@code Accept}, {@code Content-Type} or {@code Authorization} is ignored, and a {@link ClientHeaders client's
     * header} is no argument either; a header that frames the request or
     * carries credentials no argument may set, so an operation that requires one is refused.
     */
    private boolean takes(Candidate candidate, Parameter parameter, Pagination pagination) {
        String name = parameter.getName();
        String in = Objects.requireNonNullElse(parameter.getIn(), "");
        if (in.equals("header") && Parameters.IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || clientHeaders.contains(in, name)) {
            return false;
        }
        String refusal = in.equals("header") || in.equals("cookie") ? io.tributary.catalog.Parameter.refusal(location(in), name) : null;
        if (refusal != null) {
            if (Boolean.TRUE.equals(parameter.getRequired())) {
                throw new Unmappable(Category.FORBIDDEN_HEADER, "it needs the " + in + " parameter " + name + ": " + refusal);
            }
            notes.add(candidate.request() + ": optional " + in + " parameter " + name + " left out: " + refusal);
            return false;
        }
        return switch (in) {
            case "path" -> true;
            case "query", "header", "cookie" -> {
                if (in.equals("query") && (name.equals(PROJECTION) || name.equals(pagination.positionParameter())
                        || name.equals(pagination.sizeParameter()))) {
                    yield false;
                }
                if ((candidate.kind() == OperationKind.GET || candidate.kind() == OperationKind.MULTI_GET) && Boolean.TRUE.equals(parameter.getRequired())
                        && !(in.equals("query") && name.equals(Conventions.IDS))) {
                    // Fields and relations call a GET by its key alone: nothing would fill this parameter.
                    throw new Unmappable(Category.OPERATION_FIELD, "it needs the " + in + " parameter " + name + " besides the key, but a "
                            + candidate.kind() + " takes only its key");
                }
                yield switch (candidate.kind()) {
                    case MULTI_GET -> in.equals("query") && name.equals(Conventions.IDS);
                    case GET_ALL, FINDER -> !in.equals("query") || !name.equals(Conventions.IDS) && !name.equals(Conventions.FINDER_SELECTOR);
                    default -> true;
                };
            }
            default -> throw new Unmappable(Category.INVALID, "its parameter " + name + " travels in '" + in + "', which OpenAPI does not know");
        };
    }

    /** A finder named by a value of the {@code q} enum is selected by sending that value, always. */
    private List<io.tributary.catalog.Parameter> selector(Candidate candidate, List<Parameter> declared) {
        boolean selected = candidate.kind() == OperationKind.FINDER && declared.stream()
                .filter(p -> "query".equals(p.getIn()) && Conventions.FINDER_SELECTOR.equals(p.getName()) && p.getSchema() != null)
                .map(p -> components.resolve(p.getSchema()).getEnum())
                .anyMatch(values -> values != null && values.stream().map(String::valueOf).anyMatch(candidate.name()::equals));
        return selected ? List.of(io.tributary.catalog.Parameter.constant(Conventions.FINDER_SELECTOR, candidate.name())) : List.of();
    }

    private io.tributary.catalog.Parameter parameter(Candidate candidate, Parameter parameter, Model model) {
        String wireName = parameter.getName();
        Location location = location(parameter.getIn());
        String name = Parameters.argumentName(wireName);
        if (name.isEmpty()) {
            throw new Unmappable(Category.INVALID, "its " + parameter.getIn() + " parameter '" + wireName + "' has no letter to name an argument by");
        }
        Schema<?> schema = parameter.getSchema() != null ? parameter.getSchema() : ResponseShapes.jsonSchema(parameter.getContent());
        String description = Objects.requireNonNullElse(parameter.getDescription(), "");
        io.tributary.catalog.Parameter.Style style = Parameters.style(parameter, location);
        boolean explode = parameter.getExplode() != null ? parameter.getExplode() : style.explodesByDefault();
        if (candidate.kind() == OperationKind.MULTI_GET && wireName.equals(Conventions.IDS)) {
            return ids(parameter, schema, description).withStyle(style, explode);
        }
        org.apache.avro.Schema avro = schema == null
                ? org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING)
                : Parameters.withDefault(schemas.value(schema, new SchemaTranslator.Site(candidate.request() + " " + wireName,
                        model.name() + Identifiers.pascal(name))), schema, components);
        try {
            return new io.tributary.catalog.Parameter(name, avro, location, location == Location.PATH || Boolean.TRUE.equals(parameter.getRequired()),
                    description, style, explode, location == Location.PATH ? name : wireName, "");
        } catch (InvalidCatalogException e) {
            throw new Unmappable(Category.INVALID, e.getMessage());
        }
    }

    private static Location location(String in) {
        return switch (in) {
            case "path" -> Location.PATH;
            case "header" -> Location.HEADER;
            case "cookie" -> Location.COOKIE;
            default -> Location.QUERY;
        };
    }

    /** The ids of a MULTI_GET: a list of strings when the document says array (sent by its style), else one comma-separated string. */
    private io.tributary.catalog.Parameter ids(Parameter parameter, Schema<?> schema, String description) {
        boolean array = schema != null && JsonSchemas.isArray(components.resolve(schema));
        org.apache.avro.Schema string = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
        return new io.tributary.catalog.Parameter(Conventions.IDS, array ? org.apache.avro.Schema.createArray(string) : string,
                Location.QUERY, true, description.isEmpty() ? (array ? "The ids." : "Comma-separated ids.") : description);
    }

    /** Two parameters that would be one argument ({@code page[size]} and {@code pageSize}) cannot both be sent. */
    static void requireDistinctArguments(List<io.tributary.catalog.Parameter> parameters) {
        Set<String> names = new TreeSet<>();
        for (io.tributary.catalog.Parameter parameter : parameters) {
            if (!names.add(parameter.name())) {
                throw new Unmappable(Category.INVALID, "two of its parameters are the argument " + parameter.name());
            }
        }
    }

    /**
     * CREATE and UPDATE take the body as one parameter named after the model ({@code partner}); PATCH and ACTION take
     * each property of an object body as a parameter of its own ({@code status}), as their GraphQL arguments read.
     */
    private List<io.tributary.catalog.Parameter> body(Candidate candidate, Model model, RequestBodies.Sendable sendable, Set<String> taken) {
        RequestBody body = components.requestBody(candidate.operation().getRequestBody());
        boolean required = Boolean.TRUE.equals(body.getRequired());
        Schema<?> schema = sendable.schema();
        String typeName = model.name() + Identifiers.pascal(candidate.name().isEmpty() ? candidate.kind().name().toLowerCase(Locale.ROOT) : candidate.name());
        SchemaTranslator.Site site = new SchemaTranslator.Site(candidate.request() + " body", typeName);
        Schema<?> resolved = components.resolve(schema);
        boolean spread = (candidate.kind() == OperationKind.PATCH || candidate.kind() == OperationKind.ACTION)
                && JsonSchemas.isObject(resolved) && !JsonSchemas.properties(resolved, components).isEmpty();
        if (!spread) {
            // Named after the model unless another parameter is: PUT /lists/{list}/tasks/{task} with a Task body.
            String name = (candidate.kind() == OperationKind.CREATE || candidate.kind() == OperationKind.UPDATE)
                    && !taken.contains(Identifiers.camel(model.name())) ? Identifiers.camel(model.name()) : "body";
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

    private static void requirePathParameters(Candidate candidate, String path, List<io.tributary.catalog.Parameter> parameters) {
        for (String variable : PathTemplate.variables(path)) {
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
