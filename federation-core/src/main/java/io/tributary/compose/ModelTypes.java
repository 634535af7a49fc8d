package io.tributary.compose;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLFloat;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeReference;
import graphql.schema.GraphQLUnionType;
import io.tributary.catalog.Parameter;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * Maps Avro schemas to GraphQL types, per the design's translation table: records to object (or input) types,
 * enums to enums, arrays to lists, maps to {@code JSON}, {@code ["null", T]} to a nullable T and anything else to
 * non-null, logical types to the custom scalars, unions of records to GraphQL unions. Types of an older resource
 * version carry its suffix ({@code CourseV1}). Named types are claimed in a {@link TypeRegistry}; a name another
 * service defines differently throws {@link TypeConflictException}.
 */
final class ModelTypes {
    private final TypeRegistry registry;
    private final String owner;
    private final String suffix;

    ModelTypes(TypeRegistry registry, String owner, String suffix) {
        this.registry = registry;
        this.owner = owner;
        this.suffix = suffix;
    }

    /** The object type of a resource's model; its key field becomes {@code ID!}. Returns the type's name. */
    String modelType(Schema model, String keyField) {
        return objectType(model, keyField).getName();
    }

    GraphQLOutputType output(Schema schema, String context) {
        if (isNullable(schema)) {
            return nullableOutput(nonNullBranch(schema), context);
        }
        return GraphQLNonNull.nonNull(nullableOutput(schema, context));
    }

    GraphQLInputType input(Schema schema, boolean optional) {
        if (isNullable(schema)) {
            return nullableInput(nonNullBranch(schema));
        }
        GraphQLInputType type = nullableInput(schema);
        return optional ? type : GraphQLNonNull.nonNull(type);
    }

    /** The argument a parameter becomes: its own name, an {@code ID} when it names one ({@code id}, {@code courseId}). */
    GraphQLArgument argument(Parameter p) {
        boolean id = isIdLike(p);
        GraphQLInputType type = id ? (p.required() ? GraphQLNonNull.nonNull(GraphQLID) : GraphQLID) : input(p.schema(), !p.required());
        GraphQLArgument.Builder argument = GraphQLArgument.newArgument().name(p.name())
                .description(p.description().isEmpty() ? null : p.description()).type(type);
        Object declared = p.schema().getObjectProp(Parameter.DEFAULT_PROPERTY);
        Object value = declared == null ? null : id ? String.valueOf(declared) : defaultValue(p.schema(), declared);
        if (value != null) {
            argument.defaultValueProgrammatic(value);
        }
        return argument.build();
    }

    /**
     * A parameter's default as the Java value its scalar takes ({@code 20} for an {@code Int}); null when it is none
     * of that type, so a catalog's wrong default leaves the argument without one rather than the schema invalid.
     */
    private static Object defaultValue(Schema schema, Object declared) {
        if (schema.getLogicalType() != null) {
            return null;
        }
        return switch (schema.getType()) {
            case INT -> declared instanceof Integer n ? n : null;
            case LONG -> declared instanceof Integer || declared instanceof Long ? (Object) ((Number) declared).longValue() : null;
            case FLOAT, DOUBLE -> declared instanceof Number n ? (Object) n.doubleValue() : null;
            case BOOLEAN -> declared instanceof Boolean b ? b : null;
            case STRING -> declared instanceof String text ? text : null;
            default -> null;
        };
    }

    private static boolean isIdLike(Parameter p) {
        Schema.Type type = p.schema().getType();
        return (p.name().endsWith("Id") || p.name().equals("id")) && (type == Schema.Type.STRING || type == Schema.Type.LONG
                || type == Schema.Type.INT);
    }

    /** The input type of a resource's model: {@code CourseInput}, its key optional (the service may assign it). */
    String inputType(Schema record, String keyField) {
        return inputObjectType(record, keyField).getName();
    }

    private GraphQLOutputType nullableOutput(Schema schema, String context) {
        return switch (schema.getType()) {
            case RECORD -> GraphQLTypeReference.typeRef(objectType(schema, null).getName());
            case ENUM -> GraphQLTypeReference.typeRef(enumType(schema).getName());
            case ARRAY -> GraphQLList.list(output(schema.getElementType(), context));
            case UNION -> unionOrJson(schema, context);
            default -> scalar(schema);
        };
    }

    private GraphQLInputType nullableInput(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> GraphQLTypeReference.typeRef(inputObjectType(schema, null).getName());
            case ENUM -> GraphQLTypeReference.typeRef(enumType(schema).getName());
            case ARRAY -> GraphQLList.list(input(schema.getElementType(), false));
            case UNION -> CustomScalars.JSON;
            default -> scalar(schema);
        };
    }

    private GraphQLObjectType objectType(Schema record, String keyField) {
        String name = GraphQLNames.require(record.getName() + suffix, "type name");
        if (registry.contains(name)) {
            claim(registry.get(name), record);
            return (GraphQLObjectType) registry.get(name);
        }
        GraphQLObjectType.Builder type = GraphQLObjectType.newObject().name(name).description(record.getDoc());
        // Claim a placeholder first so recursive records resolve to a reference instead of recursing forever.
        claim(type.build(), record);
        for (Schema.Field field : record.getFields()) {
            if (field.schema().getType() == Schema.Type.NULL) {
                continue;
            }
            GraphQLOutputType fieldType = field.name().equals(keyField)
                    ? GraphQLNonNull.nonNull(GraphQLID)
                    : output(field.schema(), name + pascal(field.name()));
            GraphQLFieldDefinition.Builder definition = GraphQLFieldDefinition.newFieldDefinition()
                    .name(GraphQLNames.require(field.name(), "field name of " + name)).description(field.doc()).type(fieldType);
            String deprecated = field.getProp("deprecated");
            if (deprecated != null) {
                definition.deprecate(deprecated);
            }
            type.field(definition);
        }
        GraphQLObjectType built = type.build();
        if (built.getFieldDefinitions().isEmpty()) {
            throw new UncomposableException("the record " + record.getName() + " has no field GraphQL can carry");
        }
        registry.replace(built);
        return built;
    }

    private GraphQLInputObjectType inputObjectType(Schema record, String keyField) {
        String name = record.getName() + suffix + "Input";
        if (registry.contains(name)) {
            claim(registry.get(name), record);
            return (GraphQLInputObjectType) registry.get(name);
        }
        GraphQLInputObjectType.Builder type = GraphQLInputObjectType.newInputObject().name(name)
                .description("Input for " + record.getName() + suffix + (record.getDoc() == null ? "." : ": " + record.getDoc()));
        claim(type.build(), record);
        for (Schema.Field field : record.getFields()) {
            if (field.schema().getType() != Schema.Type.NULL) {
                type.field(GraphQLInputObjectField.newInputObjectField().name(field.name()).description(field.doc())
                        .type(field.name().equals(keyField) ? GraphQLID : input(field.schema(), field.hasDefaultValue())));
            }
        }
        GraphQLInputObjectType built = type.build();
        if (built.getFieldDefinitions().isEmpty()) {
            throw new UncomposableException("the record " + record.getName() + " has no field GraphQL can carry");
        }
        registry.replace(built);
        return built;
    }

    private GraphQLEnumType enumType(Schema schema) {
        String name = GraphQLNames.require(schema.getName() + suffix, "enum name");
        GraphQLEnumType.Builder type = GraphQLEnumType.newEnum().name(name).description(schema.getDoc());
        schema.getEnumSymbols().forEach(symbol -> type.value(GraphQLNames.requireEnumValue(symbol, "value of enum " + name)));
        GraphQLEnumType built = type.build();
        claim(built, schema);
        return built;
    }

    private GraphQLOutputType unionOrJson(Schema union, String context) {
        List<Schema> branches = union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        if (branches.size() == 1) {
            return nullableOutput(branches.getFirst(), context);
        }
        if (branches.stream().allMatch(s -> s.getType() == Schema.Type.RECORD)) {
            GraphQLUnionType.Builder type = GraphQLUnionType.newUnionType().name(context)
                    .description("One of " + branches.stream().map(s -> s.getName() + suffix).toList() + ".");
            branches.forEach(b -> type.possibleType(GraphQLTypeReference.typeRef(objectType(b, null).getName())));
            GraphQLUnionType built = type.build();
            claim(built, union);
            return GraphQLTypeReference.typeRef(built.getName());
        }
        return CustomScalars.JSON;
    }

    private static GraphQLScalarType scalar(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        String logicalName = logical == null ? "" : logical.getName();
        return switch (schema.getType()) {
            case STRING -> logicalName.equals("uuid") ? CustomScalars.UUID : GraphQLString;
            case INT -> logicalName.equals("date") ? CustomScalars.DATE : GraphQLInt;
            case LONG -> logicalName.startsWith("timestamp") || logicalName.startsWith("local-timestamp")
                    ? CustomScalars.DATE_TIME : CustomScalars.LONG;
            case FLOAT, DOUBLE -> GraphQLFloat;
            case BOOLEAN -> GraphQLBoolean;
            case BYTES, FIXED -> logicalName.equals("decimal") ? CustomScalars.BIG_DECIMAL : GraphQLString;
            case MAP -> CustomScalars.JSON;
            default -> throw new UncomposableException("no GraphQL type for Avro " + schema.getType());
        };
    }

    private void claim(GraphQLNamedType type, Object definition) {
        registry.claim(type, definition, owner).ifPresent(other -> {
            throw new TypeConflictException(type.getName(), other);
        });
    }

    static boolean isNullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }

    private static Schema nonNullBranch(Schema union) {
        List<Schema> rest = union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        return rest.size() == 1 ? rest.getFirst() : Schema.createUnion(rest);
    }

    static String pascal(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** True when the Avro type is a list: relations from such a source field return lists. */
    static boolean isList(Schema schema) {
        Schema actual = isNullable(schema) ? nonNullBranch(schema) : schema;
        return actual.getType() == Schema.Type.ARRAY;
    }
}
