package io.tributary.compose;

import static graphql.Scalars.GraphQLBoolean;

import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one resource version, or one operation field, adds to the graph, composed once on its own (against an empty
 * registry) and printed: its types, its root fields, its routes, and every type claim it made, in order. Joining a
 * graph replays the claims on that graph's registry, which decides exactly what composing the resource there would
 * have: a claim a registered type already answers with the same definition passes, another is a conflict (the
 * subtree of a type the graph already has with the same definition is the same subtree, so its extra claims pass too).
 * A piece is also built into a schema of its own once: a piece that is valid alone keeps the assembled graph valid,
 * since pieces only meet through names whose definitions are equal and relation fields to composed model types.
 *
 * @param claims        every claim, in the order composition made them; the last one is the conflict, if any
 * @param types         the types the piece defines, by name, as printed
 * @param query         its Query fields, as printed
 * @param mutation      its Mutation fields, as printed
 * @param routes        the routes of its fields
 * @param resource      the resource as composed, or null for an operation field
 * @param uncomposable  why GraphQL cannot express it (its service is quarantined), or null
 * @param conflicted    whether composing it alone already hit a type conflict (the claims say which)
 * @param valid         whether it builds into a valid schema on its own
 */
record Piece(List<TypeRegistry.Claim> claims, Map<String, PrintedType> types, List<PrintedField> query,
             List<PrintedField> mutation, List<FieldRoute> routes, ComposedResource resource, String uncomposable,
             boolean conflicted, boolean valid) {

    Piece {
        claims = List.copyOf(claims);
        types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
        query = List.copyOf(query);
        mutation = List.copyOf(mutation);
        routes = List.copyOf(routes);
    }

    /** Composes one resource version on its own, as {@link GraphComposer} would in a graph that holds nothing else yet. */
    static Piece of(CompositionSettings settings, String service, Resource resource, String suffix, String deprecation) {
        TypeRegistry registry = TypeRegistry.recording();
        try {
            ModelTypes types = new ModelTypes(registry, service, suffix);
            String modelType = types.modelType(resource.model(), resource.keyField());
            ResourceFields.Added fields = new ResourceFields(settings, new PagingTypes(registry), service, resource, suffix,
                    modelType, types, deprecation).build();
            return composed(registry, fields.query(), fields.mutation(), fields.routes(),
                    new ComposedResource(service, resource, modelType, suffix));
        } catch (TypeConflictException e) {
            return failed(registry, null);
        } catch (UncomposableException | graphql.AssertException e) {
            return failed(registry, resource.qualifiedName() + " cannot be expressed in GraphQL: " + e.getMessage());
        }
    }

    /** Composes one operation field on its own. */
    static Piece of(String service, OperationField call) {
        TypeRegistry registry = TypeRegistry.recording();
        try {
            CallField.Added added = new CallField(new ModelTypes(registry, service, ""), service, call).build();
            return composed(registry, call.isQuery() ? List.of(added.field()) : List.of(),
                    call.isQuery() ? List.of() : List.of(added.field()), List.of(added.route()), null);
        } catch (TypeConflictException e) {
            return failed(registry, null);
        } catch (UncomposableException | graphql.AssertException e) {
            return failed(registry, "the operation field " + call.name() + " cannot be expressed in GraphQL: " + e.getMessage());
        }
    }

    private static Piece failed(TypeRegistry registry, String uncomposable) {
        return new Piece(registry.claims(), Map.of(), List.of(), List.of(), List.of(), null, uncomposable, uncomposable == null,
                true);
    }

    private static Piece composed(TypeRegistry registry, List<GraphQLFieldDefinition> query, List<GraphQLFieldDefinition> mutation,
                                  List<FieldRoute> routes, ComposedResource resource) {
        Map<String, PrintedType> types = new LinkedHashMap<>();
        registry.all().forEach(type -> types.put(type.getName(), PrintedType.of(type)));
        return new Piece(registry.claims(), types, query.stream().map(PrintedField::of).toList(),
                mutation.stream().map(PrintedField::of).toList(), routes, resource, null, false,
                validAlone(List.copyOf(registry.all()), query, mutation));
    }

    /** Whether graphql-java accepts the piece as a schema of its own, with an empty Query if it adds no query field. */
    private static boolean validAlone(List<GraphQLNamedType> types, List<GraphQLFieldDefinition> query,
                                      List<GraphQLFieldDefinition> mutation) {
        try {
            GraphQLObjectType.Builder queryType = GraphQLObjectType.newObject().name("Query");
            if (query.isEmpty()) {
                queryType.field(GraphQLFieldDefinition.newFieldDefinition().name(GraphComposer.EMPTY_GRAPH_FIELD).type(GraphQLBoolean));
            }
            query.forEach(queryType::field);
            GraphQLSchema.Builder schema = GraphQLSchema.newSchema().query(queryType.build());
            if (!mutation.isEmpty()) {
                schema.mutation(GraphQLObjectType.newObject().name("Mutation").fields(mutation).build());
            }
            GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();
            types.stream().filter(t -> t instanceof GraphQLInterfaceType || t instanceof GraphQLUnionType)
                    .forEach(t -> code.typeResolver(t.getName(), env -> null));
            schema.codeRegistry(code.build()).additionalTypes(new HashSet<>(types)).build();
            return true;
        } catch (graphql.GraphQLException e) {
            // graphql-java's schema validation and its builders' assertions: the piece is not valid alone.
            return false;
        }
    }
}
