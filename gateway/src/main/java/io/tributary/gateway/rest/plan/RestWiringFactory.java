package io.tributary.gateway.rest.plan;

import graphql.schema.DataFetcher;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import io.tributary.gateway.rest.fetch.PropertyFetcher;

/**
 * Wires every field of a view from its routing, rather than registering fetchers by hand: a routed field gets the
 * fetcher of its REST route, a field curation renamed reads its original JSON property, and every other field reads
 * the property of its own name from the parent's JSON.
 */
final class RestWiringFactory implements WiringFactory {
    private final RoutePlans plans;

    RestWiringFactory(RoutePlans plans) {
        this.plans = plans;
    }

    @Override
    public boolean providesDataFetcher(FieldWiringEnvironment environment) {
        String coordinate = coordinate(environment);
        return plans.routes(coordinate) || plans.renamedProperty(coordinate) != null;
    }

    @Override
    public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
        String coordinate = coordinate(environment);
        if (plans.routes(coordinate)) {
            return plans.fetcher(coordinate, environment);
        }
        return new PropertyFetcher(plans.renamedProperty(coordinate));
    }

    @Override
    public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
        return new PropertyFetcher(environment.getFieldDefinition().getName());
    }

    /** Interfaces and unions: the concrete type is the field's own object type, or the possible type the data fits. */
    @Override
    public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
        return AbstractTypes::resolve;
    }

    @Override
    public boolean providesTypeResolver(UnionWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
        return AbstractTypes::resolve;
    }

    private static String coordinate(FieldWiringEnvironment environment) {
        return environment.getParentType().getName() + "." + environment.getFieldDefinition().getName();
    }
}
