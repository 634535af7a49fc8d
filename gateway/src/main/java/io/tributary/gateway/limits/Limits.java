package io.tributary.gateway.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The {@code tributary.gateway.limits.*} configuration: how big, deep, costly and aliased an operation may be, and
 * whether introspection is answered. A limit of 0 switches that limit off.
 *
 * @param maxDocumentSize most UTF-8 bytes a document may have, checked before it is parsed
 * @param maxDepth        most levels of nested fields, introspection and {@code __typename} not counted
 * @param maxComplexity   highest cost an operation may have, as {@link OperationShape} computes it
 * @param maxAliases      most aliased fields an operation may have, fragments counted where they are spread
 * @param defaultListSize the size assumed for a list field when no argument says how many elements it returns
 * @param introspection   whether {@code __schema} and {@code __type} are answered
 */
@ConfigurationProperties("tributary.gateway.limits")
public record Limits(
        @Bindable(defaultValue = "65536") int maxDocumentSize,
        @Bindable(defaultValue = "12") int maxDepth,
        @Bindable(defaultValue = "5000") int maxComplexity,
        @Bindable(defaultValue = "30") int maxAliases,
        @Bindable(defaultValue = "10") int defaultListSize,
        @Bindable(defaultValue = "true") boolean introspection) {

    /** The defaults, for tests and plain-Java use. */
    public static final Limits DEFAULT = new Limits(65_536, 12, 5_000, 30, 10, true);

    public Limits {
        if (maxDocumentSize < 0 || maxDepth < 0 || maxComplexity < 0 || maxAliases < 0) {
            throw new IllegalArgumentException("tributary.gateway.limits.* must be 0 (off) or positive");
        }
        if (defaultListSize < 1) {
            throw new IllegalArgumentException("tributary.gateway.limits.default-list-size must be positive, was " + defaultListSize);
        }
    }

    public Limits withMaxDocumentSize(int bytes) {
        return new Limits(bytes, maxDepth, maxComplexity, maxAliases, defaultListSize, introspection);
    }

    public Limits withMaxDepth(int depth) {
        return new Limits(maxDocumentSize, depth, maxComplexity, maxAliases, defaultListSize, introspection);
    }

    public Limits withMaxComplexity(int complexity) {
        return new Limits(maxDocumentSize, maxDepth, complexity, maxAliases, defaultListSize, introspection);
    }

    public Limits withMaxAliases(int aliases) {
        return new Limits(maxDocumentSize, maxDepth, maxComplexity, aliases, defaultListSize, introspection);
    }

    public Limits withIntrospection(boolean enabled) {
        return new Limits(maxDocumentSize, maxDepth, maxComplexity, maxAliases, defaultListSize, enabled);
    }
}
