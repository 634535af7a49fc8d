package io.tributary.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.tributary.gateway.request.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Token verification: the signature, expiry, issuer and audience, and the scopes a valid token grants. */
class JwtVerifierTest {
    private static final JwtVerifier RSA_PEM = JwtVerifier.from(properties(null, Tokens.pem(Tokens.RSA), null));

    @Test
    void shouldVerifyATokenAndGrantTheScopesOfItsScopeClaim() throws InvalidTokenException {
        Caller caller = RSA_PEM.verify(Tokens.rs256(Tokens.claims("courses:read courses:write").build()));

        assertThat(caller).isEqualTo(new Caller(true, "ada", Set.of("courses:read", "courses:write")));
    }

    @Test
    void shouldGrantTheScopesOfAnScpArray() throws InvalidTokenException {
        JWTClaimsSet claims = Tokens.claims(null).claim("scp", List.of("courses:read", "enrollments:read")).build();

        assertThat(RSA_PEM.verify(Tokens.rs256(claims)).scopes()).containsExactlyInAnyOrder("courses:read", "enrollments:read");
    }

    @Test
    void shouldRejectAnExpiredToken() {
        JWTClaimsSet expired = Tokens.claims("courses:read").expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))).build();

        assertThatThrownBy(() -> RSA_PEM.verify(Tokens.rs256(expired))).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("Expired");
    }

    @Test
    void shouldAcceptATokenExpiredWithinTheClockSkew() throws InvalidTokenException {
        JWTClaimsSet justExpired = Tokens.claims("courses:read").expirationTime(Date.from(Instant.now().minusSeconds(10))).build();

        assertThat(RSA_PEM.verify(Tokens.rs256(justExpired)).authenticated()).isTrue();
    }

    @Test
    void shouldRejectATokenSignedWithAnotherKey() {
        String forged = Tokens.signed(Tokens.OTHER_RSA, Tokens.claims("courses:read").build());

        assertThatThrownBy(() -> RSA_PEM.verify(forged)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature");
    }

    @Test
    void shouldRejectATokenWhosePayloadWasChanged() {
        String[] parts = Tokens.rs256(Tokens.claims("courses:read").build()).split("\\.");
        String otherPayload = Tokens.rs256(Tokens.claims("courses:read admin").build()).split("\\.")[1];

        assertThatThrownBy(() -> RSA_PEM.verify(parts[0] + "." + otherPayload + "." + parts[2])).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void shouldRejectAnUnsignedToken() {
        String unsigned = new PlainJWT(Tokens.claims("courses:read").build()).serialize();

        assertThatThrownBy(() -> RSA_PEM.verify(unsigned)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void shouldRejectATokenWithoutExpiry() {
        JWTClaimsSet forever = new JWTClaimsSet.Builder().subject("ada").claim("scope", "courses:read").build();

        assertThatThrownBy(() -> RSA_PEM.verify(Tokens.rs256(forever))).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void shouldRejectSomethingThatIsNotAToken() {
        assertThatThrownBy(() -> RSA_PEM.verify("not-a-jwt")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void shouldRejectATokenFromAnotherIssuerOrForAnotherAudience() {
        JwtVerifier strict = JwtVerifier.from(new SecurityProperties(null, Tokens.pem(Tokens.RSA), null, Tokens.ISSUER,
                Tokens.AUDIENCE, Duration.ofSeconds(60)));

        assertThatThrownBy(() -> strict.verify(Tokens.rs256(Tokens.claims("s").issuer("https://evil.example").build())))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> strict.verify(Tokens.rs256(Tokens.claims("s").audience("someone-else").build())))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("aud");
    }

    @Test
    void shouldVerifyHmacTokensWithTheSharedSecretOnly() throws InvalidTokenException {
        JwtVerifier hmac = JwtVerifier.from(properties(null, null, Tokens.HMAC_SECRET));

        assertThat(hmac.verify(Tokens.hs256(Tokens.HMAC_SECRET, Tokens.claims("courses:read").build())).scopes())
                .containsExactly("courses:read");
        assertThatThrownBy(() -> hmac.verify(Tokens.hs256("another-secret-that-is-at-least-32-bytes", Tokens.claims("x").build())))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> hmac.verify(Tokens.rs256(Tokens.claims("x").build()))).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void shouldRefuseAnHmacSecretTooShortToBeSafe() {
        assertThatThrownBy(() -> JwtVerifier.from(properties(null, null, "short")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void shouldVerifyEcTokensWithAPemPublicKey() throws Exception {
        ECKey key = Tokens.ec();
        JwtVerifier ec = JwtVerifier.from(properties(null, Tokens.pem(key.toECPublicKey()), null));

        assertThat(ec.verify(Tokens.signed(key, Tokens.claims("courses:read").build())).authenticated()).isTrue();
    }

    @Test
    void shouldVerifyTokensWithTheKeysOfAJwksUrl() throws InvalidTokenException {
        try (JwksServer jwks = new JwksServer(Tokens.RSA, Tokens.ec())) {
            JwtVerifier verifier = JwtVerifier.from(properties(jwks.url(), null, null));

            assertThat(verifier.verify(Tokens.rs256(Tokens.claims("courses:read").build())).scopes()).containsExactly("courses:read");
            assertThat(verifier.verify(Tokens.rs256(Tokens.claims("courses:write").build())).scopes()).containsExactly("courses:write");
            assertThat(jwks.fetches()).isEqualTo(1);
            assertThatThrownBy(() -> verifier.verify(Tokens.signed(Tokens.OTHER_RSA, Tokens.claims("x").build())))
                    .isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void shouldSayTheKeysAreUnavailableWhenTheJwksUrlDoesNotAnswer() {
        String url;
        try (JwksServer gone = new JwksServer(Tokens.RSA)) {
            url = gone.url();
        }
        JwtVerifier verifier = JwtVerifier.from(properties(url, null, null));

        assertThatThrownBy(() -> verifier.verify(Tokens.rs256(Tokens.claims("x").build())))
                .isInstanceOf(TokenKeysUnavailableException.class);
    }

    @Test
    void shouldRefuseSeveralKeySources() {
        assertThatThrownBy(() -> properties("http://id.example/jwks", null, Tokens.HMAC_SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not several");
    }

    private static SecurityProperties properties(String jwksUrl, String publicKey, String hmacSecret) {
        return new SecurityProperties(jwksUrl, publicKey, hmacSecret, null, null, Duration.ofSeconds(60));
    }
}
