package io.tributary.publisher.openapi;

import io.tributary.publisher.openapi.UnmappedOperation.Category;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import java.util.function.Function;

/**
 * Follows a document's local {@code $ref}s ({@code #/components/schemas/Partner}); the parser has already pulled
 * external ones into the components. A {@code $ref} that leads nowhere makes the operation that uses it unmappable.
 */
final class Components {
    private static final int MAX_REF_HOPS = 16;

    private final io.swagger.v3.oas.models.Components components;

    Components(OpenAPI document) {
        this.components = document.getComponents() == null ? new io.swagger.v3.oas.models.Components() : document.getComponents();
    }

    /** The component schemas by name, in document order. */
    @SuppressWarnings("rawtypes")
    Map<String, Schema> schemas() {
        return components.getSchemas() == null ? Map.of() : components.getSchemas();
    }

    /** The name of the component a schema {@code $ref} points to: {@code Partner}. */
    static String componentName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The schema a {@code $ref} names, following chains of references. */
    Schema<?> schema(String ref) {
        Schema<?> schema = lookup(ref, "schemas", schemas()::get);
        for (int hops = 0; schema.get$ref() != null; hops++) {
            requireFewHops(hops, ref);
            schema = lookup(schema.get$ref(), "schemas", schemas()::get);
        }
        return schema;
    }

    /** The schema itself, or the one its {@code $ref} names. */
    Schema<?> resolve(Schema<?> schema) {
        return schema.get$ref() == null ? schema : schema(schema.get$ref());
    }

    Parameter parameter(Parameter parameter) {
        Parameter current = parameter;
        for (int hops = 0; current.get$ref() != null; hops++) {
            requireFewHops(hops, parameter.get$ref());
            current = lookup(current.get$ref(), "parameters", name -> components.getParameters() == null ? null : components.getParameters().get(name));
        }
        return current;
    }

    ApiResponse response(ApiResponse response) {
        ApiResponse current = response;
        for (int hops = 0; current.get$ref() != null; hops++) {
            requireFewHops(hops, response.get$ref());
            current = lookup(current.get$ref(), "responses", name -> components.getResponses() == null ? null : components.getResponses().get(name));
        }
        return current;
    }

    RequestBody requestBody(RequestBody body) {
        RequestBody current = body;
        for (int hops = 0; current.get$ref() != null; hops++) {
            requireFewHops(hops, body.get$ref());
            current = lookup(current.get$ref(), "requestBodies", name -> components.getRequestBodies() == null ? null : components.getRequestBodies().get(name));
        }
        return current;
    }

    private static <T> T lookup(String ref, String section, Function<String, T> byName) {
        String prefix = "#/components/" + section + "/";
        if (!ref.startsWith(prefix)) {
            throw new Unmappable(Category.INVALID, "$ref '" + ref + "' does not point into #/components/" + section);
        }
        T found = byName.apply(ref.substring(prefix.length()));
        if (found == null) {
            throw new Unmappable(Category.INVALID, "$ref '" + ref + "' names no component");
        }
        return found;
    }

    private static void requireFewHops(int hops, String ref) {
        if (hops >= MAX_REF_HOPS) {
            throw new Unmappable(Category.INVALID, "$ref '" + ref + "' is a cycle of references");
        }
    }
}
