package io.tributary.catalog;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * A REST resource a service serves, such as {@code courses.v1}: its model (an Avro record schema, as Coursera
 * used Pegasus schemas), the field that identifies an element, and the operations that read or change it.
 */
public record Resource(
        String name,
        int version,
        String description,
        Schema model,
        String keyField,
        List<Operation> operations) {

    private static final Pattern RESOURCE_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    public Resource {
        Names.require(name, RESOURCE_NAME, "resource name");
        if (version < 1) {
            throw new InvalidCatalogException("resource " + name + " has version " + version + "; versions start at 1");
        }
        Objects.requireNonNull(model, "model of " + name);
        if (model.getType() != Schema.Type.RECORD) {
            throw new InvalidCatalogException("model of " + name + ".v" + version + " must be an Avro record, was " + model.getType());
        }
        if (model.getField(keyField) == null) {
            throw new InvalidCatalogException("key field '" + keyField + "' of " + name + ".v" + version
                    + " is not a field of " + model.getFullName());
        }
        description = description == null ? "" : description;
        operations = List.copyOf(operations);
    }

    /** {@code courses.v1}: how relations and diagnostics name this resource. */
    public String qualifiedName() {
        return name + ".v" + version;
    }

    /** The GraphQL type name of the model, its Avro record name: {@code Course}. */
    public String modelName() {
        return model.getName();
    }
}
