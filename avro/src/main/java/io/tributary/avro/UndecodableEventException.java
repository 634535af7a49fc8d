package io.tributary.avro;

/** Bytes on a Tributary topic that are not a value of its contract: garbage, or written with an unknown schema. */
public class UndecodableEventException extends RuntimeException {
    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
