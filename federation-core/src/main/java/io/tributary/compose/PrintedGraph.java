package io.tributary.compose;

import io.tributary.diagnostic.Diagnostic;
import java.util.List;

/**
 * What {@link IncrementalComposer} makes: the same SDL, routing, diagnostics and failed services as
 * {@link GraphComposer} for the same catalogs, with the schema as its printed pieces instead of a built
 * graphql-java schema.
 */
public record PrintedGraph(PrintedSchema schema, Routing routing, List<Diagnostic> diagnostics, List<String> failedServices) {

    public PrintedGraph {
        diagnostics = List.copyOf(diagnostics);
        failedServices = List.copyOf(failedServices);
    }

    public String sdl() {
        return schema.sdl();
    }

    /** SHA-256 of the SDL, hex, as {@link ComposedGraph#hash()}. */
    public String hash() {
        return schema.hash();
    }
}
