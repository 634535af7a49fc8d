package io.tributary.gateway.trusted;

import io.tributary.gateway.schema.BoundedCache;
import io.tributary.operations.DocumentHash;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which document a request runs, from the document and the hash it sends: trusted documents when the mode
 * is {@link TrustMode#ALLOW_LISTED}, otherwise Apollo's automatic persisted queries. A hash that comes with its
 * document is always checked against it. Automatic persisted queries are remembered per gateway, in a bounded cache,
 * only once their hash was verified; registered documents are known to every gateway through the operations topic,
 * by hash and by the Relay ids registered with them.
 */
public final class PersistedDocuments {
    /** The ids Relay's compiler gives persisted queries: an MD5 or SHA-1 in hex. */
    private static final Pattern RELAY_ID = Pattern.compile("[0-9a-f]{32}|[0-9a-f]{40}");
    private final TrustMode mode;
    private final RegisteredOperations registered;
    private final BoundedCache<String, String> automatic;

    public PersistedDocuments(TrustMode mode, RegisteredOperations registered, int automaticCapacity) {
        this.mode = mode;
        this.registered = registered;
        this.automatic = new BoundedCache<>(automaticCapacity);
    }

    public TrustMode mode() {
        return mode;
    }

    /**
     * The document to run for a request that sent {@code document} (or null) and {@code documentId} (or null), or
     * {@link DocumentRefused} saying why there is none.
     */
    public String resolve(String document, String documentId) {
        if (documentId == null) {
            return mode == TrustMode.OFF ? document : allowed(document, DocumentHash.of(document));
        }
        String hash = DocumentHash.parse(documentId).orElse(null);
        if (hash == null) {
            return aliased(document, documentId);
        }
        if (document == null) {
            return known(hash);
        }
        if (!DocumentHash.of(document).equals(hash)) {
            throw new DocumentRefused(DocumentRefused.HASH_MISMATCH, "The document sent is not the one its hash " + hash
                    + " names; send the SHA-256 of the document's exact UTF-8 text.");
        }
        if (mode == TrustMode.ALLOW_LISTED) {
            return allowed(document, hash);
        }
        automatic.put(hash, document);
        return document;
    }

    /**
     * The document a Relay id names: the registered document it is an alias of (Relay sends the id alone). Sent with
     * a document, the id must be that document's own MD5 or SHA-1.
     */
    private String aliased(String document, String id) {
        String alias = id.toLowerCase(Locale.ROOT);
        if (!RELAY_ID.matcher(alias).matches()) {
            throw new DocumentRefused(DocumentRefused.BAD_DOCUMENT_ID, "The document id must be sha256: and the SHA-256 of the "
                    + "document's UTF-8 text in hex, or the Relay id (MD5 or SHA-1 in hex) of a registered document.");
        }
        if (document != null) {
            if (DocumentHash.alias(document, alias).isEmpty()) {
                throw new DocumentRefused(DocumentRefused.HASH_MISMATCH, "The document sent is not the one its id " + id
                        + " names; send the MD5 or SHA-1 of the document's exact UTF-8 text.");
            }
            return mode == TrustMode.ALLOW_LISTED ? allowed(document, DocumentHash.of(document)) : document;
        }
        return registered.hashOfAlias(alias).flatMap(registered::find).orElseThrow(() -> new DocumentRefused(DocumentRefused.NOT_FOUND,
                mode == TrustMode.OFF ? "PersistedQueryNotFound"
                        : "No operation " + id + " is registered; register it with 'tributary operations register'."));
    }

    private String allowed(String document, String hash) {
        if (!registered.contains(hash)) {
            throw new DocumentRefused(DocumentRefused.NOT_ALLOWED, "This gateway runs only registered operations, and "
                    + hash + " is not one; register it with 'tributary operations register'.");
        }
        return document;
    }

    private String known(String hash) {
        String document = registered.find(hash).orElse(null);
        if (document == null && mode == TrustMode.OFF) {
            document = automatic.get(hash);
        }
        if (document == null) {
            throw new DocumentRefused(DocumentRefused.NOT_FOUND, mode == TrustMode.OFF
                    ? "PersistedQueryNotFound"
                    : "No operation " + hash + " is registered; register it with 'tributary operations register'.");
        }
        return document;
    }
}
