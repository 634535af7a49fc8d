package io.tributary.catalog;

/** A catalog that breaks the contract: the message names the service, resource or field at fault. */
public class InvalidCatalogException extends IllegalArgumentException {
    public InvalidCatalogException(String message) {
        super(message);
    }
}
