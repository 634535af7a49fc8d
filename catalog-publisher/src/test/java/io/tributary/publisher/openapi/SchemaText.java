package io.tributary.publisher.openapi;

import org.apache.avro.Schema;

/** A short, stable text for an Avro schema in reports: {@code Pet}, {@code [Pet]}, {@code string?}, {@code map<int>}. */
final class SchemaText {
    private SchemaText() {
    }

    static String of(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getName();
            case ARRAY -> "[" + of(schema.getElementType()) + "]";
            case MAP -> "map<" + of(schema.getValueType()) + ">";
            case UNION -> String.join("|", schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).map(SchemaText::of).toList())
                    + (schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL) ? "?" : "");
            default -> schema.getType().getName();
        };
    }
}
