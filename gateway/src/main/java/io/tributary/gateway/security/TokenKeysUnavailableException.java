package io.tributary.gateway.security;

/** The keys to check a token with could not be fetched (the JWKS URL did not answer): the gateway's problem, not the caller's. */
public class TokenKeysUnavailableException extends RuntimeException {
    public TokenKeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
