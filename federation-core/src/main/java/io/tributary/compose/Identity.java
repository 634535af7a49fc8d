package io.tributary.compose;

/**
 * An object as a key that equals only itself. The fold meets the same catalog parts again as the very same objects
 * (an unchanged service's catalog, its resources); keyed by identity, a memo finds them without hashing or comparing
 * them field by field.
 */
public record Identity(Object value) {
    @Override
    public boolean equals(Object other) {
        return other instanceof Identity same && same.value == value;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(value);
    }
}
