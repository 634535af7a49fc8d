package io.tributary.gateway.schema;

import graphql.Scalars;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeReference;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds a view's schema from the schema of the view before it, so that a change of one service costs what that
 * service's types cost rather than what the whole graph costs: the types whose definition did not change are copied
 * from the previous schema, and only the changed ones are generated, by graphql-java, from a small schema holding them,
 * the real definitions of the interfaces, unions, enums, input types and scalars they use, and a stub for every other
 * object type they name. That small schema is validated like any other, so each changed type is checked against what
 * it depends on; when an interface, union, enum, input type or scalar changes, or a type changes kind or goes, every
 * type that names it is generated again too, and checked with it.
 *
 * <p>graphql-java resolves a schema's type references by writing into its types, so a type of the served schema may
 * go into the new one only if nothing in it is to be resolved again: when every type it leads to is the same instance
 * in both. The types that lead to a changed type (the query type, for one) are copied instead; every copy names the
 * types it uses by reference, which the new schema resolves to its own.
 */
final class SchemaReuse {
    private static final Set<String> BUILT_IN_SCALARS = Set.of("Int", "Float", "String", "Boolean", "ID");
    private static final String STUB_FIELD = "_stub";

    private SchemaReuse() {
    }

    /**
     * The schema of {@code next}, built from {@code previous}, the schema of the definitions {@code next} was read
     * against; its fields are wired by {@code codeRegistry}. Throws when the changed types do not make a valid schema
     * with the rest; the caller then builds the view from scratch, which says why.
     */
    static GraphQLSchema build(GraphQLSchema previous, SdlDefinitions next, RuntimeWiring wiring, GraphQLCodeRegistry.Builder codeRegistry) {
        Map<String, TypeDefinition<?>> definitions = next.definitions();
        Map<String, TypeDefinition<?>> before = next.changes().replaced();
        Set<String> changed = new LinkedHashSet<>(next.changes().redefined());
        Set<String> structural = new HashSet<>(next.changes().removed());
        for (String name : changed) {
            TypeDefinition<?> old = before.get(name);
            if (!(definitions.get(name) instanceof ObjectTypeDefinition) || !(old == null || old instanceof ObjectTypeDefinition)) {
                structural.add(name);
            }
        }
        Map<String, List<String>> usedBy = next.usedBy();
        structural.forEach(name -> changed.addAll(usedBy.getOrDefault(name, List.of())));
        GraphQLSchema generated = new SchemaGenerator().makeExecutableSchema(registryOf(changed, definitions), wiring);

        Set<String> reaching = reaching(changed, usedBy);
        List<GraphQLNamedType> types = new ArrayList<>();
        for (String name : definitions.keySet()) {
            GraphQLNamedType source = (GraphQLNamedType) (changed.contains(name) ? generated.getType(name) : previous.getType(name));
            if (source == null) {
                throw new IllegalStateException("the previous schema has no type " + name);
            }
            if (!reaching.contains(name)) {
                types.add(source);
            } else {
                // a generated type's fields lead to the small schema's stubs; only a served type's fields can be kept
                types.add(copy(source, changed.contains(name) ? field -> false : field -> !leadsTo(field, reaching)));
            }
        }
        BUILT_IN_SCALARS.stream().filter(usedBy::containsKey).forEach(name -> types.add(builtIn(name)));
        GraphQLObjectType query = root(types, "Query");
        if (query == null) {
            throw new IllegalStateException("the view has no Query type");
        }
        GraphQLSchema.FastBuilder schema = new GraphQLSchema.FastBuilder(codeRegistry, query, root(types, "Mutation"),
                root(types, "Subscription"));
        schema.addTypes(types);
        schema.additionalDirectives(previous.getDirectives());
        return schema.build();
    }

    /**
     * The types from which a changed one can be reached, the changed ones included: those must be copies in the new
     * schema, their uses resolved to its types. A type that reaches none of them uses, all the way down, only types
     * that are the same instances in both schemas; the new schema shares it, and nothing in it is written to.
     */
    private static Set<String> reaching(Set<String> changed, Map<String, List<String>> usedBy) {
        Set<String> reaching = new HashSet<>(changed);
        Deque<String> next = new ArrayDeque<>(changed);
        while (!next.isEmpty()) {
            for (String user : usedBy.getOrDefault(next.pop(), List.of())) {
                if (reaching.add(user)) {
                    next.add(user);
                }
            }
        }
        return reaching;
    }

    /**
     * The changed definitions, with what graphql-java needs to check them: the real definition of every interface,
     * union, enum, input type and scalar they use (and of what those use), and a stub for every other object type.
     */
    private static TypeDefinitionRegistry registryOf(Set<String> changed, Map<String, TypeDefinition<?>> definitions) {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        Set<String> added = new HashSet<>(changed);
        Deque<String> uses = new ArrayDeque<>();
        for (String name : changed) {
            registry.add(definitions.get(name));
            TypeUses.forEachNamed(definitions.get(name), uses::add);
        }
        uses.add("Query");
        while (!uses.isEmpty()) {
            String name = uses.pop();
            if (BUILT_IN_SCALARS.contains(name) || !added.add(name)) {
                continue;
            }
            TypeDefinition<?> definition = definitions.get(name);
            if (definition == null) {
                throw new IllegalStateException("the view uses the type " + name + " but does not define it");
            }
            if (definition instanceof ObjectTypeDefinition) {
                registry.add(ObjectTypeDefinition.newObjectTypeDefinition().name(name)
                        .fieldDefinition(new FieldDefinition(STUB_FIELD, new TypeName("Int"))).build());
            } else {
                registry.add(definition);
                TypeUses.forEachNamed(definition, uses::add);
            }
        }
        return registry;
    }

    /**
     * A copy of the type whose every use of another named type is a reference, except in the fields it {@code keeps}
     * as they are. A served type's fields that lead to no type reaching a changed one are kept: nothing in them is
     * resolved again. The query type reaches every service's types, and copying all its thousands of fields on every
     * swap was megabytes that lived as long as the graph (docs/benchmarks.md §1, session 7).
     */
    private static GraphQLNamedType copy(GraphQLNamedType type, Predicate<GraphQLFieldDefinition> keeps) {
        return switch (type) {
            case GraphQLObjectType object -> GraphQLObjectType.newObject(object)
                    .replaceFields(copyFields(object.getFieldDefinitions(), keeps))
                    .replaceInterfaces(object.getInterfaces().stream().map(i -> reference(i)).toList())
                    .build();
            case GraphQLInterfaceType face -> GraphQLInterfaceType.newInterface(face)
                    .replaceFields(copyFields(face.getFieldDefinitions(), keeps))
                    .replaceInterfacesOrReferences(face.getInterfaces().stream().map(i -> reference(i)).toList())
                    .build();
            case GraphQLUnionType union -> GraphQLUnionType.newUnionType(union)
                    .replacePossibleTypes(union.getTypes().stream().map(t -> reference(t)).toList())
                    .build();
            case GraphQLInputObjectType input -> GraphQLInputObjectType.newInputObject(input)
                    .replaceFields(input.getFieldDefinitions().stream().map(field -> field.transform(
                            (GraphQLInputObjectField.Builder b) -> b.type((GraphQLInputType) referenced(field.getType())))).toList())
                    .build();
            // enums and scalars name no other type, so nothing in them is written to when a schema is built
            case GraphQLEnumType enumType -> enumType;
            case GraphQLScalarType scalar -> scalar;
            default -> throw new IllegalArgumentException("unexpected type " + type);
        };
    }

    private static List<GraphQLFieldDefinition> copyFields(List<GraphQLFieldDefinition> fields,
                                                           Predicate<GraphQLFieldDefinition> keeps) {
        List<GraphQLFieldDefinition> copies = new ArrayList<>(fields.size());
        for (GraphQLFieldDefinition field : fields) {
            if (keeps.test(field)) {
                copies.add(field);
                continue;
            }
            copies.add(field.transform(b -> {
                b.type((GraphQLOutputType) referenced(field.getType()));
                if (!field.getArguments().isEmpty()) {
                    b.replaceArguments(field.getArguments().stream().map(argument -> argument.transform(
                            (GraphQLArgument.Builder a) -> a.type((GraphQLInputType) referenced(argument.getType())))).toList());
                }
            }));
        }
        return copies;
    }

    /** Whether the field's type or one of its arguments' types is one of {@code types}. */
    private static boolean leadsTo(GraphQLFieldDefinition field, Set<String> types) {
        if (types.contains(GraphQLTypeUtil.unwrapAll(field.getType()).getName())) {
            return true;
        }
        for (GraphQLArgument argument : field.getArguments()) {
            if (types.contains(GraphQLTypeUtil.unwrapAll(argument.getType()).getName())) {
                return true;
            }
        }
        return false;
    }

    private static GraphQLType referenced(GraphQLType type) {
        return switch (type) {
            case GraphQLNonNull nonNull -> GraphQLNonNull.nonNull(referenced(nonNull.getWrappedType()));
            case GraphQLList list -> GraphQLList.list(referenced(list.getWrappedType()));
            case GraphQLNamedType named -> reference(named);
            default -> throw new IllegalArgumentException("unexpected type " + type);
        };
    }

    private static GraphQLTypeReference reference(GraphQLNamedType type) {
        return GraphQLTypeReference.typeRef(type.getName());
    }

    private static GraphQLScalarType builtIn(String name) {
        return switch (name) {
            case "Int" -> Scalars.GraphQLInt;
            case "Float" -> Scalars.GraphQLFloat;
            case "String" -> Scalars.GraphQLString;
            case "Boolean" -> Scalars.GraphQLBoolean;
            default -> Scalars.GraphQLID;
        };
    }

    private static GraphQLObjectType root(List<GraphQLNamedType> types, String name) {
        return types.stream().filter(t -> t.getName().equals(name) && t instanceof GraphQLObjectType)
                .map(GraphQLObjectType.class::cast).findFirst().orElse(null);
    }
}
