package io.tributary.gateway.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The {@code tributary.gateway.security.*} configuration: where the keys that sign callers' tokens come from (one of a
 * JWKS URL, a PEM public key or a shared HMAC secret) and which issuer and audience a token must name. With no key
 * source, tokens are not verified and scopes are not enforced.
 *
 * @param jwksUrl    the identity provider's JSON Web Key Set, fetched and cached (RSA and EC keys)
 * @param publicKey  a PEM {@code PUBLIC KEY} or {@code CERTIFICATE} (RSA or EC)
 * @param hmacSecret a shared secret of at least 32 bytes, for HS256/384/512 tokens
 * @param issuer     when set, the {@code iss} a token must carry
 * @param audience   when set, a value the token's {@code aud} must contain
 * @param clockSkew  how far {@code exp} and {@code nbf} may be off, 60 s by default
 */
@ConfigurationProperties("tributary.gateway.security")
public record SecurityProperties(
        @Nullable String jwksUrl,
        @Nullable String publicKey,
        @Nullable String hmacSecret,
        @Nullable String issuer,
        @Nullable String audience,
        @Bindable(defaultValue = "60s") Duration clockSkew) {

    /** No key source: tokens are not verified. */
    public static final SecurityProperties NONE = new SecurityProperties(null, null, null, null, null, Duration.ofSeconds(60));

    public SecurityProperties {
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        if (keySources(jwksUrl, publicKey, hmacSecret) > 1) {
            throw new IllegalArgumentException(
                    "configure one of tributary.gateway.security.jwks-url, public-key or hmac-secret, not several");
        }
    }

    /** Whether a key source is configured, so tokens are verified and scopes enforced. */
    public boolean verifiesTokens() {
        return keySources(jwksUrl, publicKey, hmacSecret) == 1;
    }

    private static long keySources(String... sources) {
        return Stream.of(sources).filter(s -> s != null && !s.isBlank()).count();
    }
}
