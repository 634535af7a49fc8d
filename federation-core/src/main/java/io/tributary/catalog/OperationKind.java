package io.tributary.catalog;

/** The kinds of REST operation a resource can offer, after Coursera's Naptime framework. */
public enum OperationKind {
    GET, MULTI_GET, GET_ALL, FINDER, CREATE, UPDATE, PATCH, DELETE, ACTION;

    /** Finders, partial updates and actions are told apart by name. */
    public boolean isNamed() {
        return this == FINDER || this == PATCH || this == ACTION;
    }
}
