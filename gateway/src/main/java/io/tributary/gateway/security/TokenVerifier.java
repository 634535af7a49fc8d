package io.tributary.gateway.security;

import io.tributary.gateway.request.Caller;

/** Checks a bearer token and says who the caller is; a seam so the HTTP layer does not depend on a JWT library. */
@FunctionalInterface
public interface TokenVerifier {
    /**
     * @throws InvalidTokenException         when the token cannot be trusted
     * @throws TokenKeysUnavailableException when the keys to check it with cannot be fetched
     */
    Caller verify(String token) throws InvalidTokenException;
}
