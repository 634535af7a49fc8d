package io.tributary.publisher;

/** A catalog bigger than Kafka will take; the message names both sizes, so nobody has to guess why it vanished. */
public class CatalogTooLargeException extends PublishException {
    public CatalogTooLargeException(String message) {
        super(message, null);
    }
}
