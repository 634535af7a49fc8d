package io.tributary.gateway.rest.plan;

import graphql.TypeResolutionEnvironment;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;

/**
 * Resolves the concrete type of an interface or union value. Composition gives each interface field a concrete
 * object type ({@code CoursesPaged} for {@code Paginated}); for unions of records the type whose fields the JSON
 * object has is chosen.
 */
final class AbstractTypes {
    private AbstractTypes() {
    }

    static GraphQLObjectType resolve(TypeResolutionEnvironment env) {
        GraphQLType declared = GraphQLTypeUtil.unwrapAll(env.getFieldType());
        if (declared instanceof GraphQLObjectType object) {
            return object;
        }
        List<GraphQLObjectType> candidates = env.getSchema().getAllTypesAsList().stream()
                .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast)
                .filter(t -> t.getInterfaces().stream().anyMatch(i -> i.getName().equals(((GraphQLNamedOutputType) declared).getName()))
                        || env.getSchema().isPossibleType((graphql.schema.GraphQLNamedType) declared, t))
                .toList();
        if (env.getObject() instanceof Map<?, ?> data) {
            return candidates.stream().filter(t -> t.getFieldDefinitions().stream()
                            .filter(f -> GraphQLTypeUtil.isNonNull(f.getType()))
                            .allMatch(f -> data.containsKey(f.getName())))
                    .findFirst().orElse(candidates.isEmpty() ? null : candidates.getFirst());
        }
        return candidates.isEmpty() ? null : candidates.getFirst();
    }
}
