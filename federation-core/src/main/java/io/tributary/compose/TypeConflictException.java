package io.tributary.compose;

/** A type name another service, or the graph itself, already defines differently: the later claim is left out. */
final class TypeConflictException extends RuntimeException {
    TypeConflictException(String typeName, String owner) {
        super(owner.equals(TypeRegistry.GENERATED)
                ? "type " + typeName + " is a name the graph itself uses (a root type, a scalar or a paging type)"
                : "type " + typeName + " is already defined differently by service " + owner);
    }
}
