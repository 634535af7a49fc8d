package io.tributary.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * A REST resource a service serves, such as {@code courses.v1}: its model (an Avro record schema, as Coursera
 * used Pegasus schemas), the field that identifies an element, the operations that read or change it, and its
 * relations to other resources.
 */
public record Resource(
        String name,
        int version,
        String description,
        Schema model,
        String keyField,
        List<Operation> operations,
        List<Relation> relations,
        String deprecationReason) {

    private static final Pattern RESOURCE_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    public Resource {
        Names.require(name, RESOURCE_NAME, "resource name");
        if (version < 1) {
            throw new InvalidCatalogException("resource " + name + " has version " + version + "; versions start at 1");
        }
        String qualified = name + ".v" + version;
        Objects.requireNonNull(model, "model of " + qualified);
        if (model.getType() != Schema.Type.RECORD) {
            throw new InvalidCatalogException("model of " + qualified + " must be an Avro record, was " + model.getType());
        }
        if (model.getField(keyField) == null) {
            throw new InvalidCatalogException("key field '" + keyField + "' of " + qualified + " is not a field of " + model.getFullName());
        }
        description = description == null ? "" : description;
        operations = List.copyOf(operations);
        relations = List.copyOf(relations);
        deprecationReason = deprecationReason == null ? "" : deprecationReason;
        requireDistinctOperations(qualified, operations);
        requireDistinctRelationFields(qualified, model, relations);
    }

    /** A resource without relations or deprecation. */
    public Resource(String name, int version, String description, Schema model, String keyField, List<Operation> operations) {
        this(name, version, description, model, keyField, operations, List.of(), "");
    }

    /** {@code courses.v1}: how relations and diagnostics name this resource. */
    public String qualifiedName() {
        return name + ".v" + version;
    }

    /** The GraphQL type name of the model, its Avro record name: {@code Course}. */
    public String modelName() {
        return model.getName();
    }

    public boolean isDeprecated() {
        return !deprecationReason.isEmpty();
    }

    private static void requireDistinctOperations(String resource, List<Operation> operations) {
        Set<String> seen = new HashSet<>();
        for (Operation op : operations) {
            if (op.kind() == OperationKind.CALL) {
                throw new InvalidCatalogException(resource + " declares the CALL " + op.name()
                        + "; a call that fits no resource is an operation field of the service");
            }
            String identity = op.kind() + (op.name().isEmpty() ? "" : " " + op.name());
            if (!seen.add(identity)) {
                throw new InvalidCatalogException(resource + " declares " + identity + " twice");
            }
        }
    }

    private static void requireDistinctRelationFields(String resource, Schema model, List<Relation> relations) {
        Set<String> seen = new HashSet<>();
        for (Relation relation : relations) {
            if (model.getField(relation.field()) != null) {
                throw new InvalidCatalogException("relation " + relation.field() + " of " + resource
                        + " has the name of a field of " + model.getName());
            }
            if (!seen.add(relation.field())) {
                throw new InvalidCatalogException(resource + " declares relation " + relation.field() + " twice");
            }
        }
    }
}
