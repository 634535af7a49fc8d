package io.tributary.catalog;

/**
 * How an operation's request body is written: JSON, as Tributary's own services take it, or a URL-encoded form
 * ({@code name=Rex&status=sold}), as many published APIs take their writes. The gateway builds the same body value
 * either way, from the operation's BODY parameters, and encodes it as this says.
 */
public enum BodyEncoding {
    JSON("application/json"),
    /** Each property a pair; a list of scalars repeats its name; any other value is written as JSON text. */
    FORM("application/x-www-form-urlencoded");

    private final String mediaType;

    BodyEncoding(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The request's {@code Content-Type}. */
    public String mediaType() {
        return mediaType;
    }
}
