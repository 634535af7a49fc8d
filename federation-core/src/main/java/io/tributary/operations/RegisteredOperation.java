package io.tributary.operations;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A GraphQL document registered as trusted: gateways in allow-listed mode run only these, found by their hash or by
 * one of their aliases. The hash is always the document's own, and so is every alias, so a registration cannot make
 * one id run another document.
 *
 * @param hash         {@link DocumentHash#of(String)} of the document
 * @param document     the GraphQL document's exact text, one or more operations and their fragments
 * @param registeredAt when it was registered, for operators
 * @param aliases      other ids clients send for it: Relay's, the MD5 or SHA-1 of the document in hex (see
 *                     {@link DocumentHash#alias(String, String)})
 */
public record RegisteredOperation(String hash, String document, Instant registeredAt, List<String> aliases) {
    public RegisteredOperation {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if (!DocumentHash.of(document).equals(hash)) {
            throw new IllegalArgumentException("the hash " + hash + " is not the document's own, " + DocumentHash.of(document));
        }
        aliases = List.copyOf(aliases);
        for (String alias : aliases) {
            if (DocumentHash.alias(document, alias).isEmpty()) {
                throw new IllegalArgumentException("the id " + alias + " is not the document's own MD5 or SHA-1");
            }
        }
    }

    /** A registration without aliases. */
    public RegisteredOperation(String hash, String document, Instant registeredAt) {
        this(hash, document, registeredAt, List.of());
    }

    /** The registration of this document now. */
    public static RegisteredOperation of(String document, Instant registeredAt) {
        return new RegisteredOperation(DocumentHash.of(document), document, registeredAt);
    }
}
