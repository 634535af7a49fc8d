package io.tributary.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.gateway.request.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which caller a request's Authorization header makes, with and without token verification. */
class CallerResolverTest {
    private static final Caller ADA = new Caller(true, "ada", Set.of("courses:read"));
    private final CallerResolver verifying = CallerResolver.verifying(token -> {
        if (!token.equals("good")) {
            throw new InvalidTokenException("bad token");
        }
        return ADA;
    });

    @Test
    void shouldVerifyABearerTokenWhateverTheSchemesCase() throws InvalidTokenException {
        assertThat(verifying.resolve("Bearer good")).isEqualTo(ADA);
        assertThat(verifying.resolve("bearer good")).isEqualTo(ADA);
    }

    @Test
    void shouldTreatARequestWithoutBearerTokenAsAnonymous() throws InvalidTokenException {
        assertThat(verifying.resolve(null)).isEqualTo(Caller.ANONYMOUS);
        assertThat(verifying.resolve("Basic YWRhOnNlY3JldA==")).isEqualTo(Caller.ANONYMOUS);
    }

    @Test
    void shouldRejectAnInvalidOrEmptyBearerToken() {
        assertThatThrownBy(() -> verifying.resolve("Bearer forged")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifying.resolve("Bearer ")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifying.resolve("Bearer")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void shouldLeaveEveryCallerAnonymousWhenTokensAreNotVerified() throws InvalidTokenException {
        CallerResolver unverified = CallerResolver.unverified();

        assertThat(unverified.verifies()).isFalse();
        assertThat(unverified.resolve("Bearer anything")).isEqualTo(Caller.ANONYMOUS);
    }
}
