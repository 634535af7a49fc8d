package io.tributary.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.tributary.gateway.request.Caller;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies signed JWTs with Nimbus JOSE+JWT: the signature against the configured keys (only the algorithms those
 * keys are for, never {@code none}), {@code exp} (required) and {@code nbf} with some clock skew, and the issuer and
 * audience when configured. The caller's scopes come from {@code scope} (space separated) and {@code scp} (an array
 * or a space separated string).
 */
public final class JwtVerifier implements TokenVerifier {
    private static final int MIN_HMAC_SECRET_BYTES = 32;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    private JwtVerifier(JWSKeySelector<SecurityContext> keys, SecurityProperties properties) {
        processor.setJWSKeySelector(keys);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        JWTClaimsSet exact = properties.issuer() == null ? null : new JWTClaimsSet.Builder().issuer(properties.issuer()).build();
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                properties.audience() == null ? null : Set.of(properties.audience()), exact, Set.of("exp"), null);
        claims.setMaxClockSkew((int) properties.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** A verifier for the configured key source; throws when none is configured or the key is unusable. */
    public static JwtVerifier from(SecurityProperties properties) {
        if (!properties.verifiesTokens()) {
            throw new IllegalArgumentException("no key source configured in tributary.gateway.security");
        }
        return new JwtVerifier(keySelector(properties), properties);
    }

    @Override
    public Caller verify(String token) throws InvalidTokenException {
        try {
            return caller(processor.process(token, null));
        } catch (KeySourceException e) {
            throw new TokenKeysUnavailableException("Cannot fetch the keys to verify tokens with: " + e.getMessage(), e);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidTokenException(e.getMessage());
        }
    }

    private static Caller caller(JWTClaimsSet claims) throws ParseException {
        Set<String> scopes = new LinkedHashSet<>(words(claims.getStringClaim("scope")));
        if (claims.getClaim("scp") instanceof List<?> list) {
            list.forEach(scope -> scopes.add(String.valueOf(scope)));
        } else if (claims.getClaim("scp") instanceof String words) {
            scopes.addAll(words(words));
        }
        return new Caller(true, claims.getSubject() == null ? "" : claims.getSubject(), scopes);
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    private static JWSKeySelector<SecurityContext> keySelector(SecurityProperties properties) {
        if (properties.hmacSecret() != null && !properties.hmacSecret().isBlank()) {
            byte[] secret = properties.hmacSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_HMAC_SECRET_BYTES) {
                throw new IllegalArgumentException("tributary.gateway.security.hmac-secret must have at least "
                        + MIN_HMAC_SECRET_BYTES + " bytes, had " + secret.length);
            }
            return new JWSVerificationKeySelector<>(JWSAlgorithm.Family.HMAC_SHA, new ImmutableSecret<>(secret));
        }
        if (properties.publicKey() != null && !properties.publicKey().isBlank()) {
            PublicKey key = PemKeys.publicKey(properties.publicKey());
            return switch (key) {
                case RSAPublicKey rsa -> only(JWSAlgorithm.Family.RSA, rsa);
                case ECPublicKey ec -> only(JWSAlgorithm.Family.EC, ec);
                default -> throw new IllegalArgumentException("unsupported public key algorithm " + key.getAlgorithm());
            };
        }
        Set<JWSAlgorithm> asymmetric = new LinkedHashSet<>(JWSAlgorithm.Family.RSA);
        asymmetric.addAll(JWSAlgorithm.Family.EC);
        return new JWSVerificationKeySelector<>(asymmetric, jwks(properties.jwksUrl()));
    }

    /** The one configured key, for tokens signed with an algorithm of its family, whatever key id they name. */
    private static JWSKeySelector<SecurityContext> only(Set<JWSAlgorithm> algorithms, PublicKey key) {
        return (header, context) -> algorithms.contains(header.getAlgorithm()) ? List.of(key) : List.of();
    }

    private static JWKSource<SecurityContext> jwks(String url) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL()).retrying(true).build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("tributary.gateway.security.jwks-url is not a URL: " + url, e);
        }
    }
}
