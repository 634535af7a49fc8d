package io.tributary.aggregator.console;

import graphql.language.AstPrinter;
import graphql.language.Description;
import graphql.language.DirectivesContainer;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.tributary.compose.FieldRoute;
import io.tributary.view.SchemaView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every type and field of a view with what an operator asks about it: its description, the service and resource that
 * own it, and the REST operation a routed field calls. A type is owned by the resource whose routed fields return it,
 * and passes its owner on to the types only it reaches (a model's nested records).
 */
final class SchemaExplorer {

    /** Who serves a type or field: the service and its resource ({@code courses.v1}). */
    record Owner(String service, String resource) {
    }

    /**
     * A field (or an input field, or an enum value) and, when the gateway routes it, the REST call it makes: the
     * operation's method and path ({@code GET /courses/{id}}) and its kind ({@code FINDER byInstructorId}).
     */
    record Field(String name, String type, String description, String deprecation, Owner owner, String operation,
                 String operationKind) {
    }

    /** A type: its kind (object, interface, enum, input, scalar, union), description, owner and fields. */
    record TypeInfo(String name, String kind, String description, Owner owner, List<Field> fields) {
    }

    private SchemaExplorer() {
    }

    static List<TypeInfo> types(SchemaView view) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(view.sdl());
        Map<String, FieldRoute> routes = view.routing().fields().stream()
                .collect(Collectors.toMap(FieldRoute::coordinate, Function.identity(), (a, b) -> a, TreeMap::new));
        Map<String, TypeDefinition> types = new TreeMap<>(registry.types());
        registry.scalars().forEach((name, scalar) -> {
            if (!ScalarInfo.isGraphqlSpecifiedScalar(name)) {
                types.putIfAbsent(name, scalar);
            }
        });
        Map<String, Owner> owners = owners(types, routes);
        List<TypeInfo> infos = new ArrayList<>();
        for (TypeDefinition<?> type : types.values()) {
            infos.add(new TypeInfo(type.getName(), kind(type), description(type), owners.get(type.getName()), fields(type, routes)));
        }
        return infos;
    }

    private static List<Field> fields(TypeDefinition<?> type, Map<String, FieldRoute> routes) {
        List<Field> fields = new ArrayList<>();
        List<FieldDefinition> definitions = switch (type) {
            case ObjectTypeDefinition object -> object.getFieldDefinitions();
            case InterfaceTypeDefinition iface -> iface.getFieldDefinitions();
            default -> List.of();
        };
        for (FieldDefinition field : definitions) {
            Optional<FieldRoute> route = Optional.ofNullable(routes.get(type.getName() + "." + field.getName()));
            fields.add(new Field(field.getName(), AstPrinter.printAst(field.getType()), text(field.getDescription()),
                    deprecation(field), route.map(r -> new Owner(r.service(), r.resource())).orElse(null),
                    route.map(r -> r.operation().httpMethod() + " " + r.operation().path()).orElse(null),
                    route.map(r -> (r.operation().kind() + " " + r.operation().name()).trim()).orElse(null)));
        }
        if (type instanceof InputObjectTypeDefinition input) {
            input.getInputValueDefinitions().forEach(v -> fields.add(new Field(v.getName(), AstPrinter.printAst(v.getType()),
                    text(v.getDescription()), deprecation(v), null, null, null)));
        }
        if (type instanceof EnumTypeDefinition enumeration) {
            enumeration.getEnumValueDefinitions().forEach(v -> fields.add(new Field(v.getName(), "", text(v.getDescription()),
                    deprecation(v), null, null, null)));
        }
        return fields;
    }

    /** Types returned by routed fields belong to the route's resource; the types they alone lead to, to the same one. */
    private static Map<String, Owner> owners(Map<String, TypeDefinition> types, Map<String, FieldRoute> routes) {
        Map<String, Owner> owners = new TreeMap<>();
        Deque<String> reached = new ArrayDeque<>();
        for (FieldRoute route : routes.values()) {
            fieldType(types, route.parentType(), route.field()).filter(t -> !owners.containsKey(t)).ifPresent(t -> {
                owners.put(t, new Owner(route.service(), route.resource()));
                reached.add(t);
            });
        }
        while (!reached.isEmpty()) {
            String name = reached.poll();
            if (types.get(name) instanceof ObjectTypeDefinition object) {
                for (FieldDefinition field : object.getFieldDefinitions()) {
                    String target = typeName(field.getType());
                    if (types.containsKey(target) && !owners.containsKey(target) && !routes.containsKey(name + "." + field.getName())) {
                        owners.put(target, owners.get(name));
                        reached.add(target);
                    }
                }
            }
        }
        return owners;
    }

    private static Optional<String> fieldType(Map<String, TypeDefinition> types, String parent, String field) {
        if (!(types.get(parent) instanceof ObjectTypeDefinition object)) {
            return Optional.empty();
        }
        return object.getFieldDefinitions().stream().filter(f -> f.getName().equals(field)).findFirst()
                .map(f -> typeName(f.getType())).filter(types::containsKey);
    }

    private static String typeName(Type<?> type) {
        return switch (type) {
            case NonNullType nonNull -> typeName(nonNull.getType());
            case ListType list -> typeName(list.getType());
            case TypeName name -> name.getName();
            default -> "";
        };
    }

    private static String kind(TypeDefinition<?> type) {
        return type.getClass().getSimpleName().replace("TypeDefinition", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String description(TypeDefinition<?> type) {
        return type instanceof graphql.language.AbstractDescribedNode<?> described ? text(described.getDescription()) : "";
    }

    private static String text(Description description) {
        return description == null ? "" : description.getContent();
    }

    private static String deprecation(DirectivesContainer<?> node) {
        return node.getDirectives("deprecated").stream().findFirst()
                .map(d -> d.getArgument("reason") != null && d.getArgument("reason").getValue() instanceof StringValue reason
                        ? reason.getValue() : "deprecated")
                .orElse(null);
    }
}
