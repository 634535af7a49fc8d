package io.tributary.gateway.trusted;

/** Which documents a gateway runs: any (with automatic persisted queries), or only those registered on the operations topic. */
public enum TrustMode {
    /** Any valid document runs; clients may send a hash alone for a document this gateway saw or that is registered. */
    OFF,
    /** Only registered documents run, sent whole or by hash; anything else is refused before execution. */
    ALLOW_LISTED
}
