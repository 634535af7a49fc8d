package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.tributary.catalog.ResponseEnvelope;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the elements in a read operation's success response: the body itself (one element, or a bare array), a
 * Naptime envelope {@code {elements: [...], paging: {total, next}}}, or where {@code x-tributary-envelope} (on the
 * operation or on the response's schema) points.
 */
final class ResponseShapes {
    private final Components components;

    ResponseShapes(Components components) {
        this.components = components;
    }

    /** Where the elements are and what schema each has. */
    record Shape(Schema<?> element, ResponseEnvelope envelope) {
    }

    Shape of(Operation operation, boolean list) {
        Schema<?> body = successBody(operation);
        Schema<?> resolved = components.resolve(body);
        Optional<ResponseEnvelope> declared = Extensions.envelope(operation.getExtensions())
                .or(() -> Extensions.envelope(resolved.getExtensions()));
        if (declared.isPresent()) {
            return declared(body, declared.get(), list);
        }
        if (JsonSchemas.isArray(resolved)) {
            if (!list) {
                throw new Unmappable("its response is an array, not one element");
            }
            return new Shape(items(resolved, "its response"), ResponseEnvelope.BARE);
        }
        Schema<?> elements = JsonSchemas.isObject(resolved) ? JsonSchemas.properties(resolved, components).get("elements") : null;
        if (elements != null && JsonSchemas.isArray(components.resolve(elements))) {
            return new Shape(items(components.resolve(elements), "its elements"), naptime(resolved));
        }
        if (!list) {
            return new Shape(body, ResponseEnvelope.BARE);
        }
        throw new Unmappable("its response is " + SchemaTranslator.describe(body) + ", neither an array nor an object with an "
                + "elements array; say where the elements are with " + Extensions.ENVELOPE);
    }

    /** Naptime's envelope, with the paging pointers the schema actually has. */
    private ResponseEnvelope naptime(Schema<?> response) {
        return new ResponseEnvelope("/elements",
                at(response, "/paging/total").isPresent() ? "/paging/total" : "",
                at(response, "/paging/next").isPresent() ? "/paging/next" : "");
    }

    private Shape declared(Schema<?> body, ResponseEnvelope envelope, boolean list) {
        for (String pointer : new String[] {envelope.total(), envelope.next()}) {
            if (!pointer.isEmpty() && at(body, pointer).isEmpty()) {
                throw new Unmappable(Extensions.ENVELOPE + " points at " + pointer + ", which is not in its response "
                        + SchemaTranslator.describe(body));
            }
        }
        Schema<?> elements = at(body, envelope.elements()).orElseThrow(() -> new Unmappable(Extensions.ENVELOPE
                + " points at elements " + envelope.elements() + ", which its response schema " + SchemaTranslator.describe(body) + " does not have"));
        Schema<?> resolved = components.resolve(elements);
        if (JsonSchemas.isArray(resolved)) {
            return new Shape(items(resolved, "its elements"), envelope);
        }
        if (list) {
            throw new Unmappable(Extensions.ENVELOPE + " elements " + envelope.elements() + " is not an array");
        }
        return new Shape(elements, envelope);
    }

    /** The schema at a JSON pointer of object properties, {@code /meta/total}; the empty pointer is the schema itself. */
    private Optional<Schema<?>> at(Schema<?> schema, String pointer) {
        Schema<?> current = schema;
        for (String name : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/")) {
            Schema<?> resolved = components.resolve(current);
            current = JsonSchemas.isObject(resolved) ? JsonSchemas.properties(resolved, components).get(name) : null;
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    private static Schema<?> items(Schema<?> array, String what) {
        if (array.getItems() == null) {
            throw new Unmappable(what + " is an array without items");
        }
        return array.getItems();
    }

    private Schema<?> successBody(Operation operation) {
        ApiResponse response = successResponse(operation);
        Schema<?> schema = jsonSchema(response.getContent());
        if (schema == null) {
            throw new Unmappable("its success response has no JSON body");
        }
        return schema;
    }

    private ApiResponse successResponse(Operation operation) {
        if (operation.getResponses() == null) {
            throw new Unmappable("it declares no responses");
        }
        for (String code : new String[] {"200", "201", "203", "206", "2XX", "2xx"}) {
            ApiResponse response = operation.getResponses().get(code);
            if (response != null) {
                return components.response(response);
            }
        }
        return operation.getResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2") && !e.getKey().equals("204"))
                .map(Map.Entry::getValue)
                .findFirst()
                .map(components::response)
                .orElseThrow(() -> new Unmappable("it has no success (2xx) response with a body"));
    }

    /** The schema of the JSON media type of a content map, or null. */
    static Schema<?> jsonSchema(Content content) {
        if (content == null) {
            return null;
        }
        return content.entrySet().stream()
                .filter(e -> isJson(e.getKey()))
                .map(Map.Entry::getValue)
                .map(MediaType::getSchema)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json") || type.startsWith("application/json;") || type.equals("*/*");
    }
}
