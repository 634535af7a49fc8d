package io.tributary.compose;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLID;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeReference;
import graphql.schema.idl.SchemaPrinter;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Resource;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diagnostic.Diagnostic.Severity;
import io.tributary.fold.EffectiveCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Composes the effective catalogs of all services into one GraphQL schema and the routing that executes it.
 * Deterministic: services, resources and fields are sorted, so the same catalogs always print the same SDL.
 * The schema is built and validated with graphql-java before its SDL leaves this class.
 */
public final class GraphComposer {

    static final String EMPTY_GRAPH_FIELD = "_empty";

    private static final SchemaPrinter PRINTER = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeDirectives(false)
            .includeSchemaDefinition(false));

    public ComposedGraph compose(List<EffectiveCatalog> catalogs) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<FieldRoute> routes = new ArrayList<>();
        List<ServiceEndpoint> endpoints = new ArrayList<>();
        Map<String, GraphQLObjectType> types = new HashMap<>();
        Map<String, String> typeOwners = new HashMap<>();
        GraphQLObjectType.Builder query = GraphQLObjectType.newObject()
                .name("Query")
                .description("Every resource the running services publish, composed by Tributary.");
        boolean anyField = false;

        for (EffectiveCatalog catalog : sorted(catalogs)) {
            endpoints.add(new ServiceEndpoint(catalog.service(), catalog.baseUrls()));
            for (Resource resource : catalog.resources().stream().sorted(Comparator.comparing(Resource::qualifiedName)).toList()) {
                GraphQLObjectType type = ModelTypes.objectType(resource, diagnostics);
                String owner = typeOwners.putIfAbsent(type.getName(), catalog.service());
                if (owner != null && !types.get(type.getName()).equals(type)) {
                    diagnostics.add(new Diagnostic(Severity.ERROR, "TYPE_CONFLICT",
                            "type " + type.getName() + " is already defined differently by service " + owner
                                    + "; " + resource.qualifiedName() + " is left out",
                            catalog.service() + ":" + resource.qualifiedName()));
                    continue;
                }
                types.putIfAbsent(type.getName(), type);
                for (Operation operation : resource.operations()) {
                    GraphQLFieldDefinition field = queryField(resource, operation);
                    if (field == null) {
                        continue;
                    }
                    query.field(field);
                    anyField = true;
                    routes.add(new FieldRoute("Query", field.getName(), catalog.service(), resource.qualifiedName(),
                            resource.keyField(), operation));
                }
            }
        }
        if (!anyField) {
            query.field(GraphQLFieldDefinition.newFieldDefinition()
                    .name(EMPTY_GRAPH_FIELD)
                    .description("No service publishes a resource right now; this field only keeps the schema valid.")
                    .type(GraphQLBoolean));
        }
        GraphQLSchema schema = GraphQLSchema.newSchema()
                .query(query.build())
                .additionalTypes(new HashSet<>(types.values()))
                .build();
        routes.sort(Comparator.comparing(FieldRoute::coordinate));
        return new ComposedGraph(PRINTER.print(schema), new Routing(endpoints, routes), diagnostics);
    }

    private static List<EffectiveCatalog> sorted(List<EffectiveCatalog> catalogs) {
        return catalogs.stream().sorted(Comparator.comparing(EffectiveCatalog::service)).toList();
    }

    /** The Query field an operation becomes, or null for kinds composition does not translate yet. */
    private static GraphQLFieldDefinition queryField(Resource resource, Operation operation) {
        return switch (operation.kind()) {
            case GET -> GraphQLFieldDefinition.newFieldDefinition()
                    .name(Naming.singular(resource))
                    .description(describe(operation, "The " + resource.modelName() + " with this id, or null."))
                    .argument(GraphQLArgument.newArgument().name("id").type(GraphQLNonNull.nonNull(GraphQLID)))
                    .type(GraphQLTypeReference.typeRef(resource.modelName()))
                    .build();
            case MULTI_GET -> GraphQLFieldDefinition.newFieldDefinition()
                    .name(Naming.plural(resource))
                    .description(describe(operation, "The " + resource.modelName() + " elements with these ids."))
                    .argument(GraphQLArgument.newArgument().name("ids")
                            .type(GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(GraphQLID)))))
                    .type(GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(resource.modelName())))))
                    .build();
            default -> null;
        };
    }

    private static String describe(Operation operation, String fallback) {
        return operation.description().isBlank() ? fallback : operation.description();
    }
}
