package io.tributary.gateway.request;

import java.util.Set;

/** Who is asking, as far as the gateway verified it: whether a token was verified, and the scopes it grants. */
public record Caller(boolean authenticated, String subject, Set<String> scopes) {
    public static final Caller ANONYMOUS = new Caller(false, "", Set.of());

    public Caller {
        scopes = Set.copyOf(scopes);
    }
}
