package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.tributary.catalog.BodyEncoding;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.PathTemplate;
import io.tributary.publisher.openapi.UnmappedOperation.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an OpenAPI operation that fits no resource into an {@link OperationField}: every path, query, header and
 * cookie parameter an argument (named as {@link Parameters#argumentName} says, sent by its style under its own name),
 * a JSON or form request body the one argument {@code input}, and the JSON its success response holds as the field's
 * type (no content: the field says whether the call succeeded). What a field cannot carry (a file upload, a response
 * that is not JSON, a required header) is refused with its reason.
 */
final class CallTranslator {
    static final String BODY = "input";

    private final Components components;
    private final SchemaTranslator schemas;
    private final OperationTranslator operations;
    private final ResponseShapes shapes;
    private final ClientHeaders clientHeaders;
    private final List<String> notes;

    CallTranslator(Components components, SchemaTranslator schemas, OperationTranslator operations, ClientHeaders clientHeaders,
                   List<String> notes) {
        this.clientHeaders = clientHeaders;
        this.components = components;
        this.schemas = schemas;
        this.operations = operations;
        this.shapes = new ResponseShapes(components);
        this.notes = notes;
    }

    OperationField translate(String name, String documentPath, PathItem item, HttpMethod method,
                             io.swagger.v3.oas.models.Operation operation) {
        String request = method + " " + documentPath;
        String path = Parameters.pathWithArgumentNames(documentPath);
        String typeName = Identifiers.pascal(name);
        List<io.tributary.catalog.Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : Parameters.of(item, operation, components)) {
            io.tributary.catalog.Parameter translated = parameter(request, typeName, parameter);
            if (translated != null) {
                parameters.add(translated);
            }
        }
        Optional<RequestBodies.Sendable> body = operation.getRequestBody() == null ? Optional.empty()
                : RequestBodies.of(components.requestBody(operation.getRequestBody()), components);
        body.ifPresent(sendable -> parameters.add(body(request, typeName, components.requestBody(operation.getRequestBody()), sendable)));
        OperationTranslator.requireDistinctArguments(parameters);
        for (String variable : PathTemplate.variables(path)) {
            if (parameters.stream().noneMatch(p -> p.location() == Location.PATH && p.name().equals(variable))) {
                throw new Unmappable(Category.INVALID, "its path variable {" + variable + "} has no path parameter");
            }
        }
        org.apache.avro.Schema result = shapes.answer(operation)
                .map(schema -> schemas.value(schema, new SchemaTranslator.Site(request + " response", typeName + "Result")))
                .orElseGet(() -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL));
        try {
            return new OperationField(Operation.builder(OperationKind.CALL, method.name(), path)
                    .name(name)
                    .parameters(parameters)
                    .scopes(operations.scopes(operation))
                    .deprecated(Boolean.TRUE.equals(operation.getDeprecated()) ? "Deprecated in the service's OpenAPI document." : "")
                    .description(Objects.requireNonNullElse(operation.getDescription(), Objects.requireNonNullElse(operation.getSummary(), "")).strip())
                    .bodyEncoding(body.map(RequestBodies.Sendable::encoding).orElse(BodyEncoding.JSON))
                    .build(), result);
        } catch (InvalidCatalogException e) {
            throw new Unmappable(Category.INVALID, e.getMessage());
        }
    }

    /**
     * A path, query, header or cookie parameter, named as its argument and sent by its style under its wire name; a
     * header OpenAPI says to ignore, or a {@link ClientHeaders client's header}, is left out, and one no argument may set
     * refuses the call when it is required.
     */
    private io.tributary.catalog.Parameter parameter(String request, String typeName, Parameter parameter) {
        String wireName = parameter.getName();
        String in = Objects.requireNonNullElse(parameter.getIn(), "");
        boolean required = Boolean.TRUE.equals(parameter.getRequired()) || in.equals("path");
        if (in.equals("header") && Parameters.IGNORED_HEADERS.contains(wireName.toLowerCase(Locale.ROOT)) || clientHeaders.contains(in, wireName)) {
            return null;
        }
        Location location = switch (in) {
            case "path" -> Location.PATH;
            case "query" -> Location.QUERY;
            case "header" -> Location.HEADER;
            case "cookie" -> Location.COOKIE;
            default -> throw new Unmappable(Category.INVALID, "its parameter " + wireName + " travels in '" + in + "', which OpenAPI does not know");
        };
        String refusal = location == Location.HEADER || location == Location.COOKIE
                ? io.tributary.catalog.Parameter.refusal(location, wireName) : null;
        if (refusal != null) {
            if (required) {
                throw new Unmappable(Category.FORBIDDEN_HEADER, "it needs the " + in + " parameter " + wireName + ": " + refusal);
            }
            notes.add(request + ": optional " + in + " parameter " + wireName + " left out: " + refusal);
            return null;
        }
        String name = Parameters.argumentName(wireName);
        if (name.isEmpty() || name.equals(BODY)) {
            if (required) {
                throw new Unmappable(Category.INVALID, "its " + in + " parameter '" + wireName + "' makes no argument name beside the body's");
            }
            notes.add(request + ": optional " + in + " parameter '" + wireName + "' left out: it makes no argument name");
            return null;
        }
        Schema<?> schema = parameter.getSchema() != null ? parameter.getSchema() : ResponseShapes.jsonSchema(parameter.getContent());
        org.apache.avro.Schema avro = schema == null ? org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING)
                : Parameters.withDefault(schemas.value(schema, new SchemaTranslator.Site(request + " " + wireName,
                        typeName + Identifiers.pascal(name))), schema, components);
        io.tributary.catalog.Parameter.Style style = Parameters.style(parameter, location);
        boolean explode = parameter.getExplode() != null ? parameter.getExplode() : style.explodesByDefault();
        try {
            return new io.tributary.catalog.Parameter(name, avro, location, required, Objects.requireNonNullElse(parameter.getDescription(), ""),
                    style, explode, location == Location.PATH ? name : wireName, "");
        } catch (InvalidCatalogException e) {
            throw new Unmappable(Category.INVALID, e.getMessage());
        }
    }

    /** The body, JSON or a form, is the argument {@code input}. */
    private io.tributary.catalog.Parameter body(String request, String typeName, RequestBody body, RequestBodies.Sendable sendable) {
        return new io.tributary.catalog.Parameter(BODY, schemas.value(sendable.schema(), new SchemaTranslator.Site(request + " body", typeName + "Body")),
                Location.BODY, Boolean.TRUE.equals(body.getRequired()), Objects.requireNonNullElse(body.getDescription(), ""));
    }
}
