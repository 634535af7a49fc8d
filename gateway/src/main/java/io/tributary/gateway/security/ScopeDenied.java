package io.tributary.gateway.security;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import io.tributary.gateway.request.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field error for a field the caller may not see: {@code UNAUTHENTICATED} when the request carried no token,
 * {@code FORBIDDEN} when its token lacks a required scope; the missing scopes are in the extensions.
 */
public final class ScopeDenied {
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";

    private ScopeDenied() {
    }

    static GraphQLError of(Caller caller, String coordinate, Set<String> missing, ResultPath path, List<SourceLocation> locations) {
        String code = caller.authenticated() ? FORBIDDEN : UNAUTHENTICATED;
        List<String> scopes = missing.stream().sorted().toList();
        String message = code.equals(UNAUTHENTICATED)
                ? coordinate + " requires a bearer token with scope " + String.join(" ", scopes) + "."
                : coordinate + " requires scope " + String.join(" ", scopes) + ", which the caller's token does not grant.";
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.put("missingScopes", scopes);
        return GraphqlErrorBuilder.newError().message("%s", message).locations(List.copyOf(locations)).path(path)
                .errorType(ErrorClassification.errorClassification(code)).extensions(extensions).build();
    }
}
