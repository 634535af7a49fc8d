package io.tributary.compose;

import static graphql.Scalars.GraphQLBoolean;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Parameter;
import io.tributary.compose.FieldRoute.Link;
import io.tributary.compose.FieldRoute.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Query or Mutation field of one {@link OperationField} and its route: each parameter an argument of its own
 * name, the result's type as the field's, nullable at the top so a failed call answers null with an error (a call
 * that answers no content is {@code Boolean!}, true when it succeeded).
 */
final class CallField {
    /** The field and the route that resolves it. */
    record Added(String root, GraphQLFieldDefinition field, FieldRoute route) {
    }

    private final ModelTypes types;
    private final String service;
    private final OperationField call;

    CallField(ModelTypes types, String service, OperationField call) {
        this.types = types;
        this.service = service;
        this.call = call;
    }

    Added build() {
        String root = call.isQuery() ? "Query" : "Mutation";
        List<GraphQLArgument> arguments = new ArrayList<>();
        Map<String, String> bindings = new LinkedHashMap<>();
        for (Parameter parameter : call.operation().parameters()) {
            // A query parameter named like a path variable ({id} and ?id=) takes the same argument.
            if (bindings.put(parameter.name(), parameter.name()) == null) {
                arguments.add(types.argument(parameter));
            }
        }
        GraphQLFieldDefinition.Builder field = GraphQLFieldDefinition.newFieldDefinition()
                .name(call.name())
                .type(type())
                .description(call.operation().description().isEmpty() ? describe() : call.operation().description())
                .arguments(arguments);
        if (call.operation().isDeprecated()) {
            field.deprecate(call.operation().deprecationReason());
        }
        return new Added(root, field.build(), new FieldRoute(root, call.name(), service, "", "", call.operation(), Shape.SINGLE,
                new Link.Root(bindings)));
    }

    private GraphQLOutputType type() {
        if (call.answersNothing()) {
            return GraphQLNonNull.nonNull(GraphQLBoolean);
        }
        GraphQLOutputType type = types.output(call.result(), ModelTypes.pascal(call.name()) + "Result");
        return type instanceof GraphQLNonNull nonNull ? (GraphQLOutputType) nonNull.getWrappedType() : type;
    }

    private String describe() {
        return "Calls " + call.operation().httpMethod().toUpperCase(java.util.Locale.ROOT) + " " + call.operation().path()
                + " on " + service + (call.answersNothing() ? "; true when it succeeded." : ".");
    }
}
