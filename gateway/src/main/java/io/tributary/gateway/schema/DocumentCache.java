package io.tributary.gateway.schema;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The documents one executable graph parsed and validated, so a client sending the same operation again skips both:
 * keyed by document and operation name, least recently used first out, bounded in entries and in document size. Only
 * documents that validated are kept; one with errors is parsed and validated again each time, so refusals stay fully
 * reported and cannot fill the cache. Each graph has its own, so no document validated against one schema is ever
 * executed on another.
 */
final class DocumentCache implements PreparsedDocumentProvider {
    /** The default bounds: 256 documents of at most 16 KiB each, a few MB of parsed documents at most. */
    static final int DEFAULT_ENTRIES = 256;
    static final int DEFAULT_MAX_DOCUMENT_CHARS = 16 * 1024;

    private record Key(String query, String operationName) {
    }

    private final int maxDocumentChars;
    private final BoundedCache<Key, PreparsedDocumentEntry> entries;

    DocumentCache(int capacity, int maxDocumentChars) {
        this.maxDocumentChars = maxDocumentChars;
        this.entries = new BoundedCache<>(capacity);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        if (input.getQuery().length() > maxDocumentChars) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        Key key = new Key(input.getQuery(), input.getOperationName());
        PreparsedDocumentEntry cached = entries.get(key);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            entries.put(key, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        return entries.size();
    }
}
