package io.tributary.gateway.security;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;
import java.util.stream.Stream;

/** Holds when a key source for bearer tokens is configured, so the scope enforcement bean exists only then. */
final class TokensVerified implements Condition {
    private static final String PREFIX = "tributary.gateway.security.";

    @Override
    public boolean matches(ConditionContext context) {
        return context.getBeanContext() instanceof PropertyResolver properties
                && Stream.of("jwks-url", "public-key", "hmac-secret")
                .anyMatch(key -> properties.get(PREFIX + key, String.class).filter(v -> !v.isBlank()).isPresent());
    }
}
