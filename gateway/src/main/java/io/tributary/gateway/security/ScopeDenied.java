package io.tributary.gateway.security;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import io.tributary.gateway.request.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A field error for a field the caller may not see: {@code UNAUTHENTICATED} when the request carried no token,
 * {@code FORBIDDEN} when its token lacks a required scope; the missing scopes are in the extensions.
 */
public record ScopeDenied(String code, String coordinate, Set<String> missingScopes, List<Object> path,
                          List<SourceLocation> locations) implements GraphQLError {
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";

    static ScopeDenied of(Caller caller, String coordinate, Set<String> missing, ResultPath path, List<SourceLocation> locations) {
        return new ScopeDenied(caller.authenticated() ? FORBIDDEN : UNAUTHENTICATED, coordinate, Set.copyOf(missing),
                path.toList(), List.copyOf(locations));
    }

    @Override
    public String getMessage() {
        String scopes = String.join(" ", missingScopes.stream().sorted().toList());
        return code.equals(UNAUTHENTICATED)
                ? coordinate + " requires a bearer token with scope " + scopes + "."
                : coordinate + " requires scope " + scopes + ", which the caller's token does not grant.";
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(code);
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.put("missingScopes", missingScopes.stream().sorted().toList());
        return extensions;
    }
}
