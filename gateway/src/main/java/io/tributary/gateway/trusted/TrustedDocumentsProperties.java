package io.tributary.gateway.trusted;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The trusted documents settings among {@code tributary.gateway.*}: {@code trusted-documents} ({@code off} or
 * {@code allow-listed}), how many registered documents a gateway keeps, and how many automatic persisted queries.
 */
@ConfigurationProperties("tributary.gateway")
public class TrustedDocumentsProperties {
    private TrustMode trustedDocuments = TrustMode.OFF;
    private int maxTrustedDocuments = 100_000;
    private int persistedQueryCacheSize = 1_000;

    /** {@code off} (default: any document runs, with automatic persisted queries) or {@code allow-listed} (only registered ones). */
    public TrustMode getTrustedDocuments() {
        return trustedDocuments;
    }

    public void setTrustedDocuments(TrustMode trustedDocuments) {
        this.trustedDocuments = trustedDocuments;
    }

    /** The most registered documents this gateway keeps in memory. */
    public int getMaxTrustedDocuments() {
        return maxTrustedDocuments;
    }

    public void setMaxTrustedDocuments(int maxTrustedDocuments) {
        this.maxTrustedDocuments = maxTrustedDocuments;
    }

    /** The most automatic persisted queries this gateway remembers, least recently used forgotten first. */
    public int getPersistedQueryCacheSize() {
        return persistedQueryCacheSize;
    }

    public void setPersistedQueryCacheSize(int persistedQueryCacheSize) {
        this.persistedQueryCacheSize = persistedQueryCacheSize;
    }
}
