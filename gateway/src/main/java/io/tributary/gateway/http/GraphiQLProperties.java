package io.tributary.gateway.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The {@code tributary.gateway.graphiql.*} configuration: whether {@code /graphiql} is served, and the document its
 * editor opens with (several named operations are fine: GraphiQL asks which one to run).
 *
 * @param enabled      whether {@code /graphiql} and its assets are served, true by default
 * @param defaultQuery the document a first-time visitor sees; GraphiQL's own greeting when unset
 */
@ConfigurationProperties("tributary.gateway.graphiql")
public record GraphiQLProperties(@Bindable(defaultValue = "true") boolean enabled, @Nullable String defaultQuery) {
}
