package io.tributary.compose;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLID;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeReference;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Resource;
import io.tributary.compose.FieldRoute.Link;
import io.tributary.compose.FieldRoute.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The Query and Mutation fields of one resource version, per the translation table: {@code course(id)},
 * {@code courses(ids)}, {@code coursesConnection}, {@code coursesPaged}, {@code coursesByInstructorId},
 * {@code searchCourses}, {@code courseCreate}, {@code courseUpdate}, {@code courseUpdateTitle}, {@code courseDelete},
 * {@code courseEnroll}; each with the route that resolves it.
 */
final class ResourceFields {
    /** The fields and routes one resource adds. */
    record Added(List<GraphQLFieldDefinition> query, List<GraphQLFieldDefinition> mutation, List<FieldRoute> routes) {
    }

    private final CompositionSettings settings;
    private final PagingTypes paging;
    private final String service;
    private final Resource resource;
    private final String suffix;
    private final String modelType;
    private final ModelTypes types;
    private final String deprecation;
    private final Added added = new Added(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

    ResourceFields(CompositionSettings settings, PagingTypes paging, String service, Resource resource, String suffix,
                   String modelType, ModelTypes types, String deprecation) {
        this.settings = settings;
        this.paging = paging;
        this.service = service;
        this.resource = resource;
        this.suffix = suffix;
        this.modelType = modelType;
        this.types = types;
        this.deprecation = deprecation;
    }

    Added build() {
        boolean hasGetAll = resource.operations().stream().anyMatch(op -> op.kind() == OperationKind.GET_ALL);
        for (Operation op : resource.operations()) {
            switch (op.kind()) {
                case GET -> query(op, singular(), Shape.SINGLE, ref(modelType), List.of(id()), Map.of(keyParameter(op), "id"));
                case MULTI_GET -> query(op, plural(), Shape.LIST, list(modelType),
                        List.of(GraphQLArgument.newArgument().name("ids").description("The ids of the elements to return"
                                        + (hasGetAll ? "; all of them, up to a bound, when omitted." : "."))
                                .type(hasGetAll ? GraphQLList.list(GraphQLNonNull.nonNull(GraphQLID))
                                        : GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(GraphQLID)))).build()),
                        Map.of(queryParameter(op), "ids"));
                case GET_ALL -> {
                    Arguments filters = filters(op);
                    lists(op, plural(), filters.arguments(), filters.bindings(), !hasMultiGet());
                }
                case FINDER -> finder(op);
                case CREATE -> mutation(op, "Create", ref(modelType), bodyArguments(op, false));
                case UPDATE -> mutation(op, "Update", ref(modelType), bodyArguments(op, true));
                case PATCH -> mutation(op, "Update" + ModelTypes.pascal(op.name()), ref(modelType), bodyArguments(op, true));
                case DELETE -> mutation(op, "Delete", GraphQLNonNull.nonNull(GraphQLBoolean), bodyArguments(op, true));
                case ACTION -> mutation(op, ModelTypes.pascal(op.name()), ref(modelType), bodyArguments(op, true));
                case CALL -> throw new IllegalStateException("a resource has no CALL; Resource refuses one");
            }
        }
        return added;
    }

    private boolean hasMultiGet() {
        return resource.operations().stream().anyMatch(op -> op.kind() == OperationKind.MULTI_GET);
    }

    private void finder(Operation op) {
        Map<String, String> bindings = new LinkedHashMap<>();
        List<GraphQLArgument> arguments = new ArrayList<>();
        Arguments filters = filters(op);
        String name = op.name().equals("search") ? "search" + ModelTypes.pascal(plural()) : plural() + ModelTypes.pascal(op.name());
        lists(op, name, filters.arguments(), filters.bindings(), true);
    }

    /** The arguments of a list: every parameter but the paging ones and the constants the gateway sends itself. */
    private Arguments filters(Operation op) {
        Map<String, String> bindings = new LinkedHashMap<>();
        List<GraphQLArgument> arguments = new ArrayList<>();
        for (Parameter p : op.parameters()) {
            if (isPagingParameter(op, p) || p.isConstant()) {
                continue;
            }
            arguments.add(argument(p));
            bindings.put(p.name(), p.name());
        }
        return new Arguments(arguments, bindings);
    }

    /** A list operation: a plain list, and when it pages a connection and/or an offset page per the graph setting. */
    private void lists(Operation op, String name, List<GraphQLArgument> arguments, Map<String, String> bindings, boolean plainList) {
        if (plainList) {
            query(op, name, Shape.LIST, list(modelType), arguments, bindings);
        }
        if (!op.pagination().isPaged()) {
            return;
        }
        if (settings.relay()) {
            List<GraphQLArgument> args = new ArrayList<>(arguments);
            args.addAll(PagingTypes.connectionArguments());
            query(op, name + "Connection", Shape.CONNECTION, GraphQLNonNull.nonNull(ref(paging.connection(modelType))), args, bindings);
        }
        if (settings.offset()) {
            List<GraphQLArgument> args = new ArrayList<>(arguments);
            args.addAll(PagingTypes.pagedArguments());
            query(op, name + "Paged", Shape.PAGED, GraphQLNonNull.nonNull(ref(paging.paged(ModelTypes.pascal(name), modelType))), args, bindings);
        }
    }

    private record Arguments(List<GraphQLArgument> arguments, Map<String, String> bindings) {
    }

    /**
     * Path key as {@code id}, the model as {@code input}, other parameters under their own names. A parameter named
     * like an argument already made (a body property {@code id} beside the path's key) takes that argument's value.
     */
    private Arguments bodyArguments(Operation op, boolean withId) {
        List<GraphQLArgument> arguments = new ArrayList<>();
        Map<String, String> bindings = new LinkedHashMap<>();
        List<Parameter> pathParameters = op.parameters().stream().filter(p -> p.location() == Parameter.Location.PATH).toList();
        for (Parameter p : op.parameters()) {
            if (p.isConstant()) {
                continue;
            }
            boolean pathKey = p.location() == Parameter.Location.PATH && pathParameters.size() == 1 && withId;
            String argument = pathKey ? "id" : p.name();
            if (arguments.stream().anyMatch(a -> a.getName().equals(argument))) {
                bindings.putIfAbsent(p.name(), argument);
                continue;
            }
            if (pathKey) {
                arguments.add(id());
                bindings.put(p.name(), "id");
            } else if (p.location() == Parameter.Location.BODY && p.schema().getType() == Schema.Type.RECORD
                    && p.schema().getName().equals(resource.model().getName())) {
                arguments.add(GraphQLArgument.newArgument().name("input").description(p.description().isEmpty() ? null : p.description())
                        .type(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(types.inputType(p.schema(), resource.keyField())))).build());
                bindings.put(p.name(), "input");
            } else {
                arguments.add(argument(p));
                bindings.put(p.name(), p.name());
            }
        }
        return new Arguments(arguments, bindings);
    }

    private void query(Operation op, String name, Shape shape, GraphQLOutputType type, List<GraphQLArgument> arguments,
                       Map<String, String> bindings) {
        added.query().add(field(op, name, type, arguments));
        added.routes().add(new FieldRoute("Query", name, service, resource.qualifiedName(), resource.keyField(), op, shape,
                new Link.Root(bindings)));
    }

    private void mutation(Operation op, String verb, GraphQLOutputType type, Arguments arguments) {
        String name = singular() + verb;
        added.mutation().add(field(op, name, type, arguments.arguments()));
        added.routes().add(new FieldRoute("Mutation", name, service, resource.qualifiedName(), resource.keyField(), op,
                Shape.SINGLE, new Link.Root(arguments.bindings())));
    }

    private GraphQLFieldDefinition field(Operation op, String name, GraphQLOutputType type, List<GraphQLArgument> arguments) {
        GraphQLFieldDefinition.Builder field = GraphQLFieldDefinition.newFieldDefinition().name(name).type(type)
                .description(op.description().isEmpty() ? describe(op) : op.description())
                .arguments(arguments);
        String reason = op.isDeprecated() ? op.deprecationReason() : deprecation;
        if (reason != null && !reason.isEmpty()) {
            field.deprecate(reason);
        }
        return field.build();
    }

    /** A description for an operation whose catalog gives none, so every field is documented. */
    private String describe(Operation op) {
        return switch (op.kind()) {
            case GET -> "The " + modelType + " with this id, or null.";
            case MULTI_GET -> "The " + modelType + " elements with these ids.";
            case GET_ALL -> "All " + modelType + " elements.";
            case FINDER -> "The " + modelType + " elements found by " + op.name() + ".";
            case CREATE -> "Creates a " + modelType + ".";
            case UPDATE -> "Replaces a " + modelType + " entirely: fields left out are cleared.";
            case PATCH -> "Updates the " + op.name() + " of a " + modelType + ".";
            case DELETE -> "Deletes a " + modelType + "; false when there was none.";
            case ACTION -> "Runs " + op.name() + " on a " + modelType + ".";
            case CALL -> throw new IllegalStateException("a resource has no CALL");
        };
    }

    private GraphQLArgument argument(Parameter p) {
        return types.argument(p);
    }

    private static boolean isPagingParameter(Operation op, Parameter p) {
        return op.pagination().isPaged()
                && (p.name().equals(op.pagination().positionParameter()) || p.name().equals(op.pagination().sizeParameter()));
    }

    private static String keyParameter(Operation op) {
        return op.parameters().stream().filter(p -> p.location() == Parameter.Location.PATH).map(Parameter::name)
                .findFirst().orElse("id");
    }

    private static String queryParameter(Operation op) {
        return op.parameters().stream().filter(p -> p.location() == Parameter.Location.QUERY && !p.isConstant()).map(Parameter::name)
                .findFirst().orElse("ids");
    }

    private GraphQLArgument id() {
        return GraphQLArgument.newArgument().name("id").description("The id of the " + modelType + ".")
                .type(GraphQLNonNull.nonNull(GraphQLID)).build();
    }

    String singular() {
        return Naming.singular(resource) + suffix;
    }

    String plural() {
        return Naming.plural(resource) + suffix;
    }

    private static GraphQLTypeReference ref(String name) {
        return GraphQLTypeReference.typeRef(name);
    }

    private static GraphQLOutputType list(String element) {
        return GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(element))));
    }
}
