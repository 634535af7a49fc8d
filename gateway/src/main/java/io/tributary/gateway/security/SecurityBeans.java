package io.tributary.gateway.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.schema.ViewInstrumentation;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies callers' tokens and enforces scopes when a key source is configured; says at startup when it is not, since
 * then every field is open to every caller.
 */
@Factory
@Requires(env = Gateway.ENVIRONMENT)
class SecurityBeans {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityBeans.class);

    @Context
    CallerResolver callerResolver(SecurityProperties properties) {
        if (!properties.verifiesTokens()) {
            LOG.warn("Scopes are NOT enforced: no tributary.gateway.security.jwks-url, public-key or hmac-secret is"
                    + " configured, so bearer tokens are not verified and every caller may query every field");
            return CallerResolver.unverified();
        }
        LOG.info("Verifying bearer tokens with {}{}{} and enforcing the scopes the catalog requires",
                properties.jwksUrl() != null ? "the JWKS at " + properties.jwksUrl() : properties.publicKey() != null
                        ? "the configured public key" : "the shared HMAC secret",
                properties.issuer() == null ? "" : ", issuer " + properties.issuer(),
                properties.audience() == null ? "" : ", audience " + properties.audience());
        return CallerResolver.verifying(JwtVerifier.from(properties));
    }

    @Singleton
    @Order(20)
    @Requires(condition = TokensVerified.class)
    ViewInstrumentation scopes() {
        return (view, calls) -> new ScopeInstrumentation(RequiredScopes.of(view.routing()));
    }
}
