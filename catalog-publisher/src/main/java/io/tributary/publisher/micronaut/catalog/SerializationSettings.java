package io.tributary.publisher.micronaut.catalog;

import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.config.SerializationConfiguration;
import io.micronaut.serde.config.annotation.SerdeConfig.SerInclude;
import io.micronaut.serde.config.naming.PropertyNamingStrategy;

/**
 * The service-wide settings of Micronaut Serialization that decide how a model looks on the wire: which properties
 * it leaves out ({@code micronaut.serde.serialization.inclusion}, {@code NON_EMPTY} unless configured) and how it
 * names properties no annotation names ({@code micronaut.serde.property-naming-strategy}). Read from the service's
 * own configuration beans, so the catalog describes the JSON the service really writes.
 */
record SerializationSettings(SerInclude inclusion, @Nullable PropertyNamingStrategy naming) {
    /** Micronaut Serialization's defaults: empty strings, collections, maps, Optionals and nulls are left out. */
    static final SerializationSettings DEFAULTS = new SerializationSettings(SerInclude.NON_EMPTY, null);

    /** The settings of the service this context runs; the defaults when it has no Micronaut Serialization. */
    static SerializationSettings of(BeanContext context) {
        SerInclude inclusion = context.findBean(SerializationConfiguration.class)
                .map(SerializationConfiguration::getInclusion).orElse(DEFAULTS.inclusion());
        PropertyNamingStrategy naming = context.findBean(SerdeConfiguration.class)
                .map(SerdeConfiguration::getPropertyNamingStrategy).orElse(null);
        return new SerializationSettings(inclusion, naming);
    }
}
