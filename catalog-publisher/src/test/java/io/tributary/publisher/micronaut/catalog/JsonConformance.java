package io.tributary.publisher.micronaut.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * Checks a JSON value against the Avro schema the catalog publishes for it, the way the gateway reads it: every key
 * must be a field, a missing or null field must be nullable, and every value must have its field's type. Lists
 * every mismatch with its JSON path, so a failing property says exactly where serializer and schema disagree.
 */
final class JsonConformance {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final List<String> mismatches = new ArrayList<>();

    private JsonConformance() {
    }

    /** The mismatches between {@code json} and {@code schema}; empty when the schema describes the JSON. */
    static List<String> mismatches(Schema schema, JsonNode json) {
        JsonConformance check = new JsonConformance();
        check.value(schema, json, "$");
        return check.mismatches;
    }

    private void value(Schema schema, JsonNode json, String path) {
        if (json == null || json.isNull()) {
            if (!isNullable(schema)) {
                mismatches.add(path + " is " + (json == null ? "missing" : "null") + " but its schema is " + schema);
            }
            return;
        }
        Schema actual = nonNull(schema);
        LogicalType logical = actual.getLogicalType();
        boolean fits = switch (actual.getType()) {
            case RECORD -> record(actual, json, path);
            case ARRAY -> array(actual, json, path);
            case MAP -> map(actual, json, path);
            case ENUM -> json.isTextual() && actual.getEnumSymbols().contains(json.asText());
            case STRING -> json.isTextual();
            case INT -> logical != null && logical.getName().equals("date")
                    ? json.isTextual() && DATE.matcher(json.asText()).matches()
                    : json.isIntegralNumber() && json.canConvertToInt();
            case LONG -> json.isIntegralNumber() || logical != null && json.isTextual();
            case FLOAT, DOUBLE -> json.isNumber();
            case BOOLEAN -> json.isBoolean();
            case BYTES -> logical != null && json.isNumber();
            default -> false;
        };
        if (!fits) {
            mismatches.add(path + " is " + json + " but its schema is " + actual);
        }
    }

    private boolean record(Schema record, JsonNode json, String path) {
        if (!json.isObject()) {
            return false;
        }
        for (Iterator<String> keys = json.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (record.getField(key) == null) {
                mismatches.add(path + "." + key + " is written but " + record.getName() + " has no such field");
            }
        }
        for (Schema.Field field : record.getFields()) {
            value(field.schema(), json.get(field.name()), path + "." + field.name());
        }
        return true;
    }

    private boolean array(Schema array, JsonNode json, String path) {
        if (!json.isArray()) {
            return false;
        }
        for (int i = 0; i < json.size(); i++) {
            value(array.getElementType(), json.get(i), path + "[" + i + "]");
        }
        return true;
    }

    private boolean map(Schema map, JsonNode json, String path) {
        if (!json.isObject()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = json.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            value(map.getValueType(), entry.getValue(), path + "." + entry.getKey());
        }
        return true;
    }

    private static boolean isNullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }
}
