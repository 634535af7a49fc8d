package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.PathTemplate;
import io.tributary.publisher.openapi.UnmappedOperation.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an OpenAPI operation that fits no resource into an {@link OperationField}: every path and query parameter an
 * argument of its own name, a JSON request body the one argument {@code input}, and the JSON its success response
 * holds as the field's type (no content: the field says whether the call succeeded). What a field cannot carry
 * (a file upload, a form, a response that is not JSON, a required header) is refused with its reason.
 */
final class CallTranslator {
    static final String BODY = "input";

    private final Components components;
    private final SchemaTranslator schemas;
    private final OperationTranslator operations;
    private final ResponseShapes shapes;
    private final List<String> notes;

    CallTranslator(Components components, SchemaTranslator schemas, OperationTranslator operations, List<String> notes) {
        this.components = components;
        this.schemas = schemas;
        this.operations = operations;
        this.shapes = new ResponseShapes(components);
        this.notes = notes;
    }

    OperationField translate(String name, String path, PathItem item, HttpMethod method, io.swagger.v3.oas.models.Operation operation) {
        String request = method + " " + path;
        String typeName = Identifiers.pascal(name);
        List<io.tributary.catalog.Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : Parameters.of(item, operation, components)) {
            io.tributary.catalog.Parameter translated = parameter(request, typeName, parameter);
            if (translated != null) {
                parameters.add(translated);
            }
        }
        body(request, typeName, operation, parameters);
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
                    .build(), result);
        } catch (InvalidCatalogException e) {
            throw new Unmappable(Category.INVALID, e.getMessage());
        }
    }

    /** A path or query parameter; an optional one the field cannot carry is left out with a note, a required one refuses the call. */
    private io.tributary.catalog.Parameter parameter(String request, String typeName, Parameter parameter) {
        String name = parameter.getName();
        boolean required = Boolean.TRUE.equals(parameter.getRequired()) || "path".equals(parameter.getIn());
        String in = Objects.requireNonNullElse(parameter.getIn(), "");
        if (!in.equals("path") && !in.equals("query")) {
            if (required) {
                throw new Unmappable(Category.HEADER_OR_COOKIE, "it needs the " + in + " parameter " + name + ", which the gateway cannot send");
            }
            return null;
        }
        if (!Identifiers.isName(name) || name.equals(BODY)) {
            if (required) {
                throw new Unmappable(Category.PARAMETER_NAME, in + " parameter '" + name + "' is not a valid argument name");
            }
            notes.add(request + ": optional " + in + " parameter '" + name + "' left out: not a valid argument name");
            return null;
        }
        Schema<?> schema = parameter.getSchema() != null ? parameter.getSchema() : ResponseShapes.jsonSchema(parameter.getContent());
        org.apache.avro.Schema avro = schema == null ? org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING)
                : schemas.value(schema, new SchemaTranslator.Site(request + " " + name, typeName + Identifiers.pascal(name)));
        return new io.tributary.catalog.Parameter(name, avro, in.equals("path") ? Location.PATH : Location.QUERY, required,
                Objects.requireNonNullElse(parameter.getDescription(), ""));
    }

    /** A JSON body is the argument {@code input}; an optional body without content is none; any other body refuses the call. */
    private void body(String request, String typeName, io.swagger.v3.oas.models.Operation operation,
                      List<io.tributary.catalog.Parameter> parameters) {
        if (operation.getRequestBody() == null) {
            return;
        }
        RequestBody body = components.requestBody(operation.getRequestBody());
        boolean required = Boolean.TRUE.equals(body.getRequired());
        Schema<?> schema = ResponseShapes.jsonSchema(body.getContent());
        if (schema == null) {
            if (!required && (body.getContent() == null || body.getContent().isEmpty())) {
                return;
            }
            boolean binary = body.getContent() != null && body.getContent().entrySet().stream().anyMatch(e -> e.getKey().startsWith("multipart/")
                    || e.getKey().equals("application/octet-stream") || (e.getValue().getSchema() != null
                    && "binary".equals(e.getValue().getSchema().getFormat())));
            throw new Unmappable(binary ? Category.BINARY_UPLOAD : Category.NON_JSON, "its request body is "
                    + (body.getContent() == null ? "without content" : body.getContent().keySet()) + ", but the gateway sends JSON");
        }
        parameters.add(new io.tributary.catalog.Parameter(BODY, schemas.value(schema, new SchemaTranslator.Site(request + " body", typeName + "Body")),
                Location.BODY, required, Objects.requireNonNullElse(body.getDescription(), "")));
    }
}
