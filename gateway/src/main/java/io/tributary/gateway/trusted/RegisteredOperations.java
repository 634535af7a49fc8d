package io.tributary.gateway.trusted;

import io.tributary.operations.RegisteredOperation;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trusted documents this gateway knows, by hash and by their aliases (Relay's ids), as the operations topic has
 * them: what allow-listed mode lets run. An alias is the document's own MD5 or SHA-1, so no two documents share one. Bounded: past {@code capacity} documents a new registration is not taken (and logged, once), so a flood of
 * registrations cannot exhaust the gateway's memory; documents already registered keep running.
 */
public final class RegisteredOperations {
    private static final Logger LOG = LoggerFactory.getLogger(RegisteredOperations.class);

    private final int capacity;
    private final Map<String, RegisteredOperation> documents = new ConcurrentHashMap<>();
    private final Map<String, String> hashByAlias = new ConcurrentHashMap<>();
    private final AtomicBoolean warnedFull = new AtomicBoolean();

    public RegisteredOperations(int capacity) {
        this.capacity = capacity;
    }

    /** Takes a registration (null: the hash was withdrawn); returns whether the gateway now runs it. */
    public boolean apply(String hash, RegisteredOperation operation) {
        if (operation == null) {
            RegisteredOperation withdrawn = documents.remove(hash);
            if (withdrawn != null) {
                withdrawn.aliases().forEach(alias -> hashByAlias.remove(alias, hash));
            }
            return false;
        }
        if (!operation.hash().equals(hash)) {
            LOG.warn("A registered operation under key {} is the document {}; it is ignored", hash, operation.hash());
            return false;
        }
        if (documents.size() >= capacity && !documents.containsKey(hash)) {
            if (warnedFull.compareAndSet(false, true)) {
                LOG.warn("This gateway keeps at most {} trusted documents; {} and later registrations are not taken "
                        + "(raise tributary.gateway.max-trusted-documents)", capacity, hash);
            }
            return false;
        }
        documents.put(hash, operation);
        operation.aliases().forEach(alias -> hashByAlias.put(alias, hash));
        return true;
    }

    /** The registered document with this hash. */
    public Optional<String> find(String hash) {
        return Optional.ofNullable(documents.get(hash)).map(RegisteredOperation::document);
    }

    /** The hash of the registered document this alias (a Relay id, in lower case) names. */
    public Optional<String> hashOfAlias(String alias) {
        return Optional.ofNullable(hashByAlias.get(alias));
    }

    public boolean contains(String hash) {
        return documents.containsKey(hash);
    }

    public int size() {
        return documents.size();
    }
}
