package io.tributary.compose;

/** A type name another service already defines differently: the later claim is left out of the graph. */
final class TypeConflictException extends RuntimeException {
    TypeConflictException(String typeName, String owner) {
        super("type " + typeName + " is already defined differently by service " + owner);
    }
}
