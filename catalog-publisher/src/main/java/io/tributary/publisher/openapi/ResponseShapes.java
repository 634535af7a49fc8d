package io.tributary.publisher.openapi;

import io.tributary.publisher.openapi.UnmappedOperation.Category;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.tributary.catalog.ResponseEnvelope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the elements in a read operation's success response: the body itself (one element, or a bare array), a
 * Naptime envelope {@code {elements: [...], paging: {total, next}}}, or where {@code x-tributary-envelope} (on the
 * operation or on the response's schema) points.
 */
final class ResponseShapes {
    private static final List<String> LIST_PROPERTIES = List.of("data", "items", "results", "records", "values", "entries", "content");
    private static final List<String> TOTALS = List.of("/total", "/total_count", "/totalCount", "/count", "/meta/total");
    private static final List<String> NEXTS = List.of("/nextPageToken", "/next_page_token", "/next_cursor", "/nextCursor",
            "/next_page/offset", "/meta/next_cursor", "/meta/cursors/next");

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
                throw new Unmappable(Category.OPERATION_FIELD, "its response is an array, not one element");
            }
            return new Shape(items(resolved, "its response"), ResponseEnvelope.BARE);
        }
        Schema<?> elements = JsonSchemas.isObject(resolved) ? JsonSchemas.properties(resolved, components).get("elements") : null;
        if (elements != null && JsonSchemas.isArray(components.resolve(elements))) {
            return new Shape(items(components.resolve(elements), "its elements"), naptime(resolved));
        }
        Optional<Shape> wrapped = JsonSchemas.isObject(resolved) ? wrapped(resolved, list) : Optional.empty();
        if (wrapped.isPresent()) {
            return wrapped.get();
        }
        if (!list) {
            return new Shape(body, ResponseEnvelope.BARE);
        }
        throw new Unmappable(Category.OPERATION_FIELD, "its response is " + SchemaTranslator.describe(body) + ", neither an array nor an object with an "
                + "elements array; say where the elements are with " + Extensions.ENVELOPE);
    }

    /**
     * The common wrappers: a list under {@code data}, {@code items}, {@code results} (or the object's only array of
     * objects) with a {@code total} or {@code count} and a next token beside it; one element under {@code data} or
     * {@code body}.
     */
    private Optional<Shape> wrapped(Schema<?> response, boolean list) {
        Map<String, Schema<?>> properties = JsonSchemas.properties(response, components);
        if (properties.containsKey("id")) {
            // An element itself, whatever arrays it holds.
            return Optional.empty();
        }
        if (!list) {
            Schema<?> data = properties.get("data") != null ? properties.get("data") : properties.get("body");
            String name = properties.get("data") != null ? "data" : "body";
            return data != null && JsonSchemas.isObject(components.resolve(data)) && !JsonSchemas.properties(components.resolve(data), components).isEmpty()
                    ? Optional.of(new Shape(data, new ResponseEnvelope("/" + name, "", ""))) : Optional.empty();
        }
        List<String> arrays = properties.entrySet().stream()
                .filter(e -> JsonSchemas.isArray(components.resolve(e.getValue())) && components.resolve(e.getValue()).getItems() != null
                        && JsonSchemas.isObject(components.resolve(components.resolve(e.getValue()).getItems())))
                .map(Map.Entry::getKey).toList();
        Optional<String> elements = LIST_PROPERTIES.stream().filter(arrays::contains).findFirst()
                .or(() -> arrays.size() == 1 ? Optional.of(arrays.getFirst()) : Optional.empty());
        return elements.map(name -> new Shape(components.resolve(properties.get(name)).getItems(), new ResponseEnvelope("/" + name,
                first(response, TOTALS), first(response, NEXTS))));
    }

    private String first(Schema<?> response, List<String> pointers) {
        return pointers.stream().filter(p -> at(response, p).isPresent()).findFirst().orElse("");
    }

    /**
     * What an operation field answers: the JSON body of its success response, any JSON when the media type gives no
     * schema, nothing when the response has no content (a 204); refused when it answers only something else.
     */
    Optional<Schema<?>> answer(Operation operation) {
        if (operation.getResponses() == null) {
            return Optional.empty();
        }
        Optional<ApiResponse> success = Stream.of("200", "201", "202", "203", "206", "2XX", "2xx")
                .map(operation.getResponses()::get).filter(Objects::nonNull).findFirst()
                .or(() -> operation.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                        .map(Map.Entry::getValue).findFirst())
                .map(components::response);
        Content content = success.map(ApiResponse::getContent).orElse(null);
        if (content == null || content.isEmpty()) {
            return Optional.empty();
        }
        Schema<?> schema = jsonSchema(content);
        if (schema != null) {
            return Optional.of(schema);
        }
        if (content.keySet().stream().anyMatch(ResponseShapes::isJson)) {
            return Optional.of(new Schema<>());
        }
        throw new Unmappable(Category.NON_JSON, "it answers " + content.keySet() + ", not JSON");
    }

    /** Whether the operation's success answer has a JSON body at all. */
    boolean hasJsonBody(Operation operation) {
        try {
            successBody(operation);
            return true;
        } catch (Unmappable e) {
            return false;
        }
    }

    /** Whether the operation answers a bare JSON array: an element path's GET that does is a finder, not a GET. */
    boolean isArray(Operation operation) {
        return hasJsonBody(operation) && JsonSchemas.isArray(components.resolve(successBody(operation)));
    }

    /** Whether the operation answers a list of elements (an array, an elements envelope, a declared envelope). */
    boolean isList(Operation operation) {
        try {
            of(operation, true);
            return true;
        } catch (Unmappable e) {
            return false;
        }
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
                throw new Unmappable(Category.INVALID, Extensions.ENVELOPE + " points at " + pointer + ", which is not in its response "
                        + SchemaTranslator.describe(body));
            }
        }
        Schema<?> elements = at(body, envelope.elements()).orElseThrow(() -> new Unmappable(Category.INVALID, Extensions.ENVELOPE
                + " points at elements " + envelope.elements() + ", which its response schema " + SchemaTranslator.describe(body) + " does not have"));
        Schema<?> resolved = components.resolve(elements);
        if (JsonSchemas.isArray(resolved)) {
            return new Shape(items(resolved, "its elements"), envelope);
        }
        if (list) {
            throw new Unmappable(Category.INVALID, Extensions.ENVELOPE + " elements " + envelope.elements() + " is not an array");
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
            throw new Unmappable(Category.INVALID, what + " is an array without items");
        }
        return array.getItems();
    }

    private Schema<?> successBody(Operation operation) {
        ApiResponse response = successResponse(operation);
        Schema<?> schema = jsonSchema(response.getContent());
        if (schema == null) {
            throw new Unmappable(Category.NON_JSON, "its success response has no JSON body");
        }
        return schema;
    }

    private ApiResponse successResponse(Operation operation) {
        if (operation.getResponses() == null) {
            throw new Unmappable(Category.OPERATION_FIELD, "it declares no responses");
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
                .orElseThrow(() -> new Unmappable(Category.OPERATION_FIELD, "it has no success (2xx) response with a body"));
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
