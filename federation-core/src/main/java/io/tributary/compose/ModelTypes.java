package io.tributary.compose;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLFloat;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import io.tributary.catalog.Resource;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diagnostic.Diagnostic.Severity;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Maps a resource's Avro model to a GraphQL object type: the key field becomes {@code ID!}, Avro scalars their
 * GraphQL counterparts, {@code ["null", T]} a nullable T and anything else non-null. Fields it cannot map yet are
 * left out and reported.
 */
final class ModelTypes {
    private ModelTypes() {
    }

    static GraphQLObjectType objectType(Resource resource, List<Diagnostic> diagnostics) {
        Schema model = resource.model();
        GraphQLObjectType.Builder type = GraphQLObjectType.newObject()
                .name(resource.modelName())
                .description(model.getDoc());
        for (Schema.Field field : model.getFields()) {
            Optional<GraphQLOutputType> mapped = field.name().equals(resource.keyField())
                    ? Optional.of(GraphQLNonNull.nonNull(GraphQLID))
                    : outputType(field.schema());
            if (mapped.isEmpty()) {
                diagnostics.add(new Diagnostic(Severity.INFO, "UNMAPPED_FIELD",
                        "field type " + field.schema() + " is not mapped to GraphQL yet; the field is left out",
                        resource.qualifiedName() + ":" + model.getName() + "." + field.name()));
                continue;
            }
            type.field(GraphQLFieldDefinition.newFieldDefinition()
                    .name(field.name())
                    .description(field.doc())
                    .type(mapped.get()));
        }
        return type.build();
    }

    private static Optional<GraphQLOutputType> outputType(Schema schema) {
        if (schema.isNullable() && schema.getType() == Schema.Type.UNION) {
            List<Schema> nonNull = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
            return nonNull.size() == 1 ? scalar(nonNull.getFirst()) : Optional.empty();
        }
        return scalar(schema).map(GraphQLNonNull::nonNull);
    }

    private static Optional<GraphQLOutputType> scalar(Schema schema) {
        if (schema.getLogicalType() != null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (schema.getType()) {
            case STRING -> GraphQLString;
            case INT -> GraphQLInt;
            case FLOAT, DOUBLE -> GraphQLFloat;
            case BOOLEAN -> GraphQLBoolean;
            default -> null;
        });
    }
}
