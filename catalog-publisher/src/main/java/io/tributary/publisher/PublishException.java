package io.tributary.publisher;

/** A catalog event that did not reach Kafka; the message names the instance key and the topic. */
public class PublishException extends RuntimeException {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
