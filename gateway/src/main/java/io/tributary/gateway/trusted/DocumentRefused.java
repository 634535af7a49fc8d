package io.tributary.gateway.trusted;

/**
 * A request whose document the gateway will not run, with the GraphQL error code clients act on
 * ({@code PERSISTED_QUERY_NOT_FOUND} makes an APQ client resend the document) and a message that says what to do.
 */
public final class DocumentRefused extends RuntimeException {
    /** The gateway does not know the hash; an APQ client retries with the document. */
    public static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    /** Trusted documents are on and the document is not registered. */
    public static final String NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED";
    /** The document sent is not the one its hash names. */
    public static final String HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
    /** The document id is not a SHA-256 this gateway can look up. */
    public static final String BAD_DOCUMENT_ID = "BAD_DOCUMENT_ID";

    private final String code;

    DocumentRefused(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
