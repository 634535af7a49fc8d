package io.tributary.gateway.schema;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import io.tributary.compose.CustomScalars;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Executable versions of composition's custom scalars ({@code Long}, {@code DateTime}, {@code JSON}, ...): values
 * pass between the services' JSON and the GraphQL response as they are, since the services already speak JSON.
 */
final class PassThroughScalars {
    private PassThroughScalars() {
    }

    static List<GraphQLScalarType> all() {
        return CustomScalars.BY_NAME.values().stream()
                .map(s -> GraphQLScalarType.newScalar().name(s.getName()).description(s.getDescription()).coercing(COERCING).build())
                .toList();
    }

    private static final Coercing<Object, Object> COERCING = new Coercing<>() {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input);
        }
    };

    private static Object literal(Value<?> value) {
        return switch (value) {
            case StringValue s -> s.getValue();
            case IntValue i -> i.getValue();
            case FloatValue f -> f.getValue();
            case BooleanValue b -> b.isValue();
            case NullValue n -> null;
            case ArrayValue a -> a.getValues().stream().map(PassThroughScalars::literal).toList();
            case ObjectValue o -> {
                Map<String, Object> map = new LinkedHashMap<>();
                o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue())));
                yield map;
            }
            default -> throw new graphql.schema.CoercingParseLiteralException("unsupported literal " + value);
        };
    }
}
