package io.tributary.compose;

import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import java.util.Map;

/**
 * The scalars composition adds to GraphQL's own, for Avro's logical types, longs and maps. Composition only needs
 * their names and descriptions; the gateway supplies the real coercion when it makes the schema executable.
 */
public final class CustomScalars {
    public static final GraphQLScalarType LONG = scalar("Long", "A 64-bit signed integer.");
    public static final GraphQLScalarType DATE_TIME = scalar("DateTime", "An instant, as an ISO-8601 string in UTC.");
    public static final GraphQLScalarType DATE = scalar("Date", "A calendar date, as an ISO-8601 string (yyyy-MM-dd).");
    public static final GraphQLScalarType UUID = scalar("UUID", "A UUID, as its canonical string.");
    public static final GraphQLScalarType BIG_DECIMAL = scalar("BigDecimal", "An exact decimal number, as a string.");
    public static final GraphQLScalarType JSON = scalar("JSON", "Any JSON value, such as a map whose keys are data.");

    public static final Map<String, GraphQLScalarType> BY_NAME = Map.of(
            LONG.getName(), LONG, DATE_TIME.getName(), DATE_TIME, DATE.getName(), DATE, UUID.getName(), UUID,
            BIG_DECIMAL.getName(), BIG_DECIMAL, JSON.getName(), JSON);

    private CustomScalars() {
    }

    private static GraphQLScalarType scalar(String name, String description) {
        return GraphQLScalarType.newScalar().name(name).description(description)
                .coercing(new Coercing<Object, Object>() {
                })
                .build();
    }
}
