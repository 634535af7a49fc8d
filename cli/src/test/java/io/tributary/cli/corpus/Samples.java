package io.tributary.cli.corpus;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON value that fits an OpenAPI schema, as a stub service answers: every property present, one element per array,
 * the first value of an enum, a well-formed value for each format; the same value every time, so that a test knows what
 * to ask for ({@code "1"} is both the sample string and the sample id).
 */
final class Samples {
    private static final int MAX_DEPTH = 6;
    private final OpenAPI document;

    Samples(OpenAPI document) {
        this.document = document;
    }

    Object of(Schema<?> schema) {
        return of(schema, 0);
    }

    private Object of(Schema<?> schema, int depth) {
        Schema<?> resolved = resolve(schema);
        if (resolved == null) {
            return "1";
        }
        if (resolved.getAllOf() != null && !resolved.getAllOf().isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Schema<?> part : resolved.getAllOf()) {
                if (of(part, depth) instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> merged.put(String.valueOf(k), v));
                }
            }
            if (resolved.getProperties() != null) {
                merged.putAll(properties(resolved, depth));
            }
            return merged;
        }
        List<Schema> alternatives = resolved.getOneOf() != null ? resolved.getOneOf() : resolved.getAnyOf();
        if (alternatives != null && !alternatives.isEmpty()) {
            return of(alternatives.stream().filter(a -> !"null".equals(type(resolve(a)))).findFirst().orElse(alternatives.getFirst()), depth);
        }
        if (resolved.getEnum() != null && !resolved.getEnum().isEmpty()) {
            return resolved.getEnum().stream().filter(v -> v != null).<Object>map(v -> v).findFirst().orElse("1");
        }
        String type = type(resolved);
        if (type == null) {
            type = resolved.getProperties() != null ? "object" : resolved.getItems() != null ? "array" : null;
        }
        if (type == null) {
            return Map.of();
        }
        return switch (type) {
            case "object" -> {
                Map<String, Object> object = properties(resolved, depth);
                if (object.isEmpty() && resolved.getAdditionalProperties() instanceof Schema<?> values && depth < MAX_DEPTH) {
                    object.put("key", of(values, depth + 1));
                }
                yield object;
            }
            case "array" -> depth >= MAX_DEPTH || resolved.getItems() == null ? List.of() : List.of(of(resolved.getItems(), depth + 1));
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "string" -> string(resolved.getFormat());
            default -> "1";
        };
    }

    private Map<String, Object> properties(Schema<?> schema, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.getProperties() == null || depth >= MAX_DEPTH) {
            return object;
        }
        schema.getProperties().forEach((name, property) -> {
            if (!Boolean.TRUE.equals(resolve(property).getWriteOnly())) {
                object.put(name, of(property, depth + 1));
            }
        });
        return object;
    }

    private static String string(String format) {
        return switch (format == null ? "" : format) {
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            case "uuid" -> "00000000-0000-0000-0000-000000000001";
            case "byte" -> "AA==";
            case "email" -> "someone@example.com";
            case "uri", "url" -> "https://example.com/1";
            default -> "1";
        };
    }

    private static String type(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        return types == null ? null : types.stream().filter(t -> !t.equals("null")).findFirst().orElse(null);
    }

    Schema<?> resolve(Schema<?> schema) {
        Schema<?> at = schema;
        for (int hops = 0; at != null && at.get$ref() != null && hops < 16; hops++) {
            String ref = at.get$ref();
            at = document.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return at;
    }
}
