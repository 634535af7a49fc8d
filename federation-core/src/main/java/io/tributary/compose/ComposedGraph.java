package io.tributary.compose;

import graphql.schema.GraphQLSchema;
import io.tributary.diagnostic.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The result of composing every service: a valid SDL, its routing, what composition had to say, and the services
 * whose catalogs could not be expressed at all (candidates for quarantine). The schema the SDL was printed from
 * travels along for checks in the same process (lint), so nothing parses 2 MB of SDL it just printed.
 */
public record ComposedGraph(String sdl, Routing routing, List<Diagnostic> diagnostics, List<String> failedServices,
                            GraphQLSchema schema) {

    public ComposedGraph {
        diagnostics = List.copyOf(diagnostics);
        failedServices = List.copyOf(failedServices);
    }

    /** SHA-256 of the SDL, hex: the same SDL always gives the same hash. */
    public String hash() {
        return hash(sdl);
    }

    /** SHA-256 of an SDL, hex. */
    public static String hash(String sdl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sdl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
