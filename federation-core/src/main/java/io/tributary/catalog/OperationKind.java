package io.tributary.catalog;

/**
 * The kinds of REST operation a resource can offer, after Coursera's Naptime framework, and {@link #CALL}: an
 * operation of the service that fits no resource, offered as a field of its own ({@link OperationField}).
 */
public enum OperationKind {
    GET, MULTI_GET, GET_ALL, FINDER, CREATE, UPDATE, PATCH, DELETE, ACTION, CALL;

    /** Finders, partial updates, actions and calls are told apart by name. */
    public boolean isNamed() {
        return this == FINDER || this == PATCH || this == ACTION || this == CALL;
    }
}
