package io.tributary.diff;

import java.util.Objects;

/**
 * One difference between two views' schemas, classified as graphql-java's schema diff does: breaking (a client
 * query may fail), dangerous (may change what a client sees) or safe.
 */
public record SchemaChange(Level level, String category, String coordinate, String message) {

    /** How much a change can hurt clients. */
    public enum Level { BREAKING, DANGEROUS, SAFE }

    public SchemaChange {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(coordinate, "coordinate");
        Objects.requireNonNull(message, "message");
    }
}
