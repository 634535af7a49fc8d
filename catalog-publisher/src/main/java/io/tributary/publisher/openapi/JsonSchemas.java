package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads OpenAPI 3.0 and 3.1 schemas the same way: 3.0's {@code type: string, nullable: true} and 3.1's
 * {@code type: [string, "null"]} are both a nullable string; a schema with properties but no type is an object.
 */
final class JsonSchemas {
    static final String NULL = "null";

    private JsonSchemas() {
    }

    /** The non-null JSON types a schema allows, inferred from its keywords when it names none. */
    static Set<String> types(Schema<?> schema) {
        Set<String> types = new LinkedHashSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        } else if (schema.getType() != null) {
            types.add(schema.getType());
        }
        types.remove(NULL);
        if (types.isEmpty()) {
            if (schema.getProperties() != null || schema.getAdditionalProperties() != null) {
                types.add("object");
            } else if (schema.getItems() != null) {
                types.add("array");
            } else if (schema.getEnum() != null && schema.getEnum().stream().anyMatch(String.class::isInstance)) {
                types.add("string");
            }
        }
        return types;
    }

    /** Whether null is a valid value: 3.0 {@code nullable}, a 3.1 {@code "null"} type, a null enum value or branch. */
    static boolean isNullable(Schema<?> schema, Components components) {
        return isNullable(schema, components, 0);
    }

    private static boolean isNullable(Schema<?> schema, Components components, int depth) {
        if (depth > 8) {
            return false;
        }
        if (schema.get$ref() != null) {
            return isNullable(components.schema(schema.get$ref()), components, depth + 1);
        }
        if (Boolean.TRUE.equals(schema.getNullable())
                || (schema.getTypes() != null && schema.getTypes().contains(NULL))
                || NULL.equals(schema.getType())
                || (schema.getEnum() != null && schema.getEnum().contains(null))) {
            return true;
        }
        for (Schema<?> branch : alternatives(schema)) {
            if (isNullType(branch)) {
                return true;
            }
        }
        return false;
    }

    /** A branch that only allows null: 3.1 {@code {type: "null"}}. */
    static boolean isNullType(Schema<?> schema) {
        return schema.get$ref() == null && (NULL.equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().equals(Set.of(NULL))));
    }

    /** The {@code oneOf} or {@code anyOf} branches, empty when there are none. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static List<Schema<?>> alternatives(Schema<?> schema) {
        List branches = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        return branches == null ? List.of() : (List<Schema<?>>) branches;
    }

    static boolean isObject(Schema<?> schema) {
        return types(schema).contains("object") || (schema.getAllOf() != null && !schema.getAllOf().isEmpty());
    }

    static boolean isArray(Schema<?> schema) {
        return types(schema).equals(Set.of("array"));
    }

    /** The properties of an object schema, those of its {@code allOf} parts merged in, in document order. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Map<String, Schema<?>> properties(Schema<?> schema, Components components) {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        if (schema.getAllOf() != null) {
            for (Schema part : schema.getAllOf()) {
                properties.putAll(properties(components.resolve(part), components));
            }
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema<?>>) (Map) schema.getProperties()).forEach(properties::put);
        }
        return properties;
    }

    /** The required properties of an object schema, with those of its {@code allOf} parts. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Set<String> required(Schema<?> schema, Components components) {
        Set<String> required = new LinkedHashSet<>();
        if (schema.getAllOf() != null) {
            for (Schema part : schema.getAllOf()) {
                required.addAll(required(components.resolve(part), components));
            }
        }
        if (schema.getRequired() != null) {
            required.addAll(schema.getRequired());
        }
        return required;
    }
}
