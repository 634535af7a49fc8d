package io.tributary.gateway.limits;

import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.tributary.gateway.rest.plan.DownstreamCalls;
import io.tributary.gateway.rest.plan.Saturating;
import java.util.List;
import java.util.Map;

/**
 * What the gateway's limits measure in an operation, after fragments are expanded and {@code @skip}/{@code @include}
 * applied to its variables: how deep it nests, how many aliases it uses, whether it introspects, its cost, and how
 * many REST calls it would make.
 *
 * <p>The cost model: every field costs 1; a field multiplies the cost of what it selects by its size, which is the
 * value of its {@code first}, {@code last}, {@code pageSize} or {@code limit} argument (defaults included), else the
 * number of its {@code ids}, else, for a list field, the default list size. A field sized by an argument that is not
 * itself a list is a page wrapper (a connection, a {@code Paged} result): the lists directly inside it ({@code edges},
 * {@code nodes}, {@code items}) are that page, so their size is 1. Any other list, such as a relation of each element
 * of a list, multiplies again. Introspection and {@code __typename} cost nothing and add no depth: introspection has
 * its own switch.
 *
 * <p>The calls: every field is under as many parents as the sizes above it multiply to, and makes the calls its route
 * makes for that many parents ({@link DownstreamCalls}).
 *
 * @param depth           levels of nested fields, the root fields being level 1
 * @param cost            the cost, saturating at {@link Long#MAX_VALUE}
 * @param aliases         fields with an alias
 * @param introspection   whether a root field is {@code __schema} or {@code __type}
 * @param downstreamCalls the estimated REST calls, saturating at {@link Long#MAX_VALUE}
 */
public record OperationShape(int depth, long cost, int aliases, boolean introspection, long downstreamCalls) {
    private static final List<String> SIZE_ARGUMENTS = List.of("first", "last", "pageSize", "limit");
    private static final String IDS_ARGUMENT = "ids";

    /** Measures an operation whose fields resolve against {@code schema}, and make the calls {@code calls} says. */
    public static OperationShape measure(ExecutableNormalizedOperation operation, GraphQLSchema schema, int defaultListSize,
                                         DownstreamCalls calls) {
        Measure measure = new Measure(schema, defaultListSize, calls);
        long cost = 0;
        boolean introspection = false;
        for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
            introspection |= field.getName().equals("__schema") || field.getName().equals("__type");
            cost = Saturating.add(cost, measure.cost(field, 1, false));
        }
        return new OperationShape(measure.depth, cost, measure.aliases, introspection, measure.calls);
    }

    /** One walk over the fields; keeps the deepest level, the aliases and the calls seen on the way. */
    private static final class Measure {
        private final GraphQLSchema schema;
        private final int defaultListSize;
        private final DownstreamCalls downstream;
        private int depth;
        private int aliases;
        private long calls;

        Measure(GraphQLSchema schema, int defaultListSize, DownstreamCalls downstream) {
            this.schema = schema;
            this.defaultListSize = defaultListSize;
            this.downstream = downstream;
        }

        /** The field's cost; it sits under {@code parents} parents, directly inside a page wrapper or not. */
        long cost(ExecutableNormalizedField field, long parents, boolean inPage) {
            if (field.getAlias() != null) {
                aliases++;
            }
            if (field.getName().startsWith("__")) {
                field.traverseSubTree(child -> aliases += child.getAlias() == null ? 0 : 1);
                return 0;
            }
            depth = Math.max(depth, field.getLevel());
            calls = Saturating.add(calls, downstream.calls(field.getObjectTypeNames(), field.getName(), parents,
                    field.getResolvedArguments()));
            Long sizeArgument = sizeArgument(field.getResolvedArguments());
            boolean list = isList(field);
            long size = sizeArgument != null ? sizeArgument : list && !inPage ? defaultListSize : 1;
            boolean pageWrapper = sizeArgument != null && !list;
            long elements = Saturating.multiply(parents, size);
            long selected = 0;
            for (ExecutableNormalizedField child : field.getChildren()) {
                selected = Saturating.add(selected, cost(child, elements, pageWrapper));
            }
            return Saturating.add(1, Saturating.multiply(size, selected));
        }

        private boolean isList(ExecutableNormalizedField field) {
            return field.getFieldDefinitions(schema).stream()
                    .anyMatch(definition -> GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType())));
        }

        private static Long sizeArgument(Map<String, Object> arguments) {
            for (String name : SIZE_ARGUMENTS) {
                if (arguments.get(name) instanceof Number number) {
                    return Math.max(0, number.longValue());
                }
            }
            if (arguments.get(IDS_ARGUMENT) instanceof List<?> ids) {
                return (long) ids.size();
            }
            return null;
        }
    }
}
