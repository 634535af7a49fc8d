package io.tributary.gateway.security;

import io.tributary.gateway.request.Caller;

/**
 * Turns a request's {@code Authorization} header into the {@link Caller}. Without a token verifier every caller is
 * anonymous (and scopes are not enforced); with one, no bearer token means anonymous and a bearer token must verify.
 */
public final class CallerResolver {
    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;

    private CallerResolver(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** Callers are never verified: every one is anonymous. */
    public static CallerResolver unverified() {
        return new CallerResolver(null);
    }

    public static CallerResolver verifying(TokenVerifier verifier) {
        return new CallerResolver(verifier);
    }

    /** Whether bearer tokens are verified, and so whether scopes are enforced. */
    public boolean verifies() {
        return verifier != null;
    }

    /** The caller sending {@code authorization} (null when the request has none). */
    public Caller resolve(String authorization) throws InvalidTokenException {
        String credentials = authorization == null ? "" : authorization.trim() + " ";
        if (verifier == null || !credentials.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Caller.ANONYMOUS;
        }
        String token = credentials.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            throw new InvalidTokenException("the bearer token is empty");
        }
        return verifier.verify(token);
    }
}
