package io.tributary.compose;

/**
 * A resource GraphQL cannot express (a name it does not allow, an Avro type with no GraphQL counterpart): its
 * service is quarantined. Any other exception while composing is a defect and is not caught as this.
 */
final class UncomposableException extends RuntimeException {
    UncomposableException(String message) {
        super(message);
    }
}
