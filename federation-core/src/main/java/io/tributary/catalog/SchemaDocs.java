package io.tributary.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * The documentation a catalog's Avro schemas carry, as one text. Avro's {@code Schema.equals} ignores {@code doc}, but
 * docs become the graph's descriptions: two resources equal by {@code equals} can compose to different SDL. Whatever
 * remembers a composition by catalog parts keys on this text too, or a deploy that only changes a description would be
 * answered with the old one.
 */
public final class SchemaDocs {
    private SchemaDocs() {
    }

    /** The docs of a resource's model and of every parameter schema of its operations. */
    public static String of(Resource resource) {
        StringBuilder docs = new StringBuilder();
        append(resource.model(), docs, new HashSet<>());
        resource.operations().forEach(operation -> append(operation, docs));
        return docs.toString();
    }

    /** The docs of an operation field's parameter schemas and result. */
    public static String of(OperationField field) {
        StringBuilder docs = new StringBuilder();
        append(field.operation(), docs);
        if (field.result() != null) {
            append(field.result(), docs, new HashSet<>());
        }
        return docs.toString();
    }

    /** The docs of every resource and operation field of these services. */
    public static String ofResources(List<Resource> resources, List<OperationField> fields) {
        StringBuilder docs = new StringBuilder();
        resources.forEach(resource -> docs.append(of(resource)).append('\u0000'));
        fields.forEach(field -> docs.append(of(field)).append('\u0000'));
        return docs.toString();
    }

    private static void append(Operation operation, StringBuilder docs) {
        for (Parameter parameter : operation.parameters()) {
            if (parameter.schema() != null) {
                append(parameter.schema(), docs, new HashSet<>());
            }
        }
    }

    private static void append(Schema schema, StringBuilder docs, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                docs.append(schema.getFullName()).append('=').append(schema.getDoc()).append('\u0000');
                for (Schema.Field field : schema.getFields()) {
                    docs.append(field.name()).append('=').append(field.doc()).append('\u0000');
                    append(field.schema(), docs, seen);
                }
            }
            case ENUM, FIXED -> docs.append(schema.getFullName()).append('=').append(schema.getDoc()).append('\u0000');
            case ARRAY -> append(schema.getElementType(), docs, seen);
            case MAP -> append(schema.getValueType(), docs, seen);
            case UNION -> schema.getTypes().forEach(branch -> append(branch, docs, seen));
            default -> {
            }
        }
    }
}
