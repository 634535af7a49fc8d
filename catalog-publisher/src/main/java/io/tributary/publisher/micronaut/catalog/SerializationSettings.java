package io.tributary.publisher.micronaut.catalog;

import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.NamingStrategyLocator;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.config.SerializationConfiguration;
import io.micronaut.serde.config.annotation.SerdeConfig.SerInclude;
import io.micronaut.serde.config.naming.PropertyNamingStrategy;
import io.micronaut.serde.exceptions.SerdeException;

/**
 * The service-wide settings of Micronaut Serialization that decide how a model looks on the wire: which properties
 * it leaves out ({@code micronaut.serde.serialization.inclusion}, {@code NON_EMPTY} unless configured), how it
 * names properties no annotation names ({@code micronaut.serde.property-naming-strategy}), and where it finds the
 * naming strategies of the service's own. Read from the service's own beans, so the catalog describes the JSON the
 * service really writes.
 */
record SerializationSettings(SerInclude inclusion, @Nullable PropertyNamingStrategy naming,
        @Nullable NamingStrategyLocator strategies) {
    /**
     * The settings of the service this context runs; without Micronaut Serialization, its default inclusion
     * ({@code NON_EMPTY}: empty strings, collections, maps, Optionals and nulls are left out).
     */
    static SerializationSettings of(BeanContext context) {
        SerInclude inclusion = context.findBean(SerializationConfiguration.class)
                .map(SerializationConfiguration::getInclusion).orElse(SerInclude.NON_EMPTY);
        PropertyNamingStrategy naming = context.findBean(SerdeConfiguration.class)
                .map(SerdeConfiguration::getPropertyNamingStrategy).orElse(null);
        return new SerializationSettings(inclusion, naming, context.findBean(NamingStrategyLocator.class).orElse(null));
    }

    /** The service's instance of a naming strategy an annotation names, as its serializer finds it. */
    PropertyNamingStrategy strategy(Class<? extends PropertyNamingStrategy> type, String where) {
        try {
            if (strategies == null) {
                throw new SerdeException("the service has no Micronaut Serialization to find it");
            }
            return strategies.findNamingStrategy(type);
        } catch (SerdeException e) {
            throw new CatalogDeclarationException(where + ": the naming strategy " + type.getName()
                    + " cannot be found: " + e.getMessage());
        }
    }
}
