package io.tributary.operations;

import java.time.Instant;
import java.util.Objects;

/**
 * A GraphQL document registered as trusted: gateways in allow-listed mode run only these, found by their hash. The
 * hash is always the document's own, so a registration cannot make one hash run another document.
 *
 * @param hash         {@link DocumentHash#of(String)} of the document
 * @param document     the GraphQL document's exact text, one or more operations and their fragments
 * @param registeredAt when it was registered, for operators
 */
public record RegisteredOperation(String hash, String document, Instant registeredAt) {
    public RegisteredOperation {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if (!DocumentHash.of(document).equals(hash)) {
            throw new IllegalArgumentException("the hash " + hash + " is not the document's own, " + DocumentHash.of(document));
        }
    }

    /** The registration of this document now. */
    public static RegisteredOperation of(String document, Instant registeredAt) {
        return new RegisteredOperation(DocumentHash.of(document), document, registeredAt);
    }
}
