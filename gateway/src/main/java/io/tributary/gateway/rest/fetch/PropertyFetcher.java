package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads one property of the JSON object a field's parent was parsed into: the field's own name, or the original
 * property of a field curation renamed. Trivial, so graphql-java calls it without building an environment.
 */
public final class PropertyFetcher implements LightDataFetcher<Object> {
    private final String property;

    public PropertyFetcher(String property) {
        this.property = property;
    }

    @Override
    public Object get(GraphQLFieldDefinition fieldDefinition, Object source, Supplier<DataFetchingEnvironment> environment) {
        return source instanceof Map<?, ?> map ? map.get(property) : null;
    }

    @Override
    public Object get(DataFetchingEnvironment environment) {
        return environment.getSource() instanceof Map<?, ?> map ? map.get(property) : null;
    }
}
