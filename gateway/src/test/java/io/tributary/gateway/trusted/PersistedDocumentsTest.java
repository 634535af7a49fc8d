package io.tributary.gateway.trusted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.operations.DocumentHash;
import io.tributary.operations.RegisteredOperation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersistedDocumentsTest {
    private static final String A = "{ a }";
    private static final String B = "{ b }";

    @Test
    void automaticPersistedQueriesAreRememberedOnlyUnderTheirOwnHashAndWithinTheirBound() {
        PersistedDocuments documents = new PersistedDocuments(TrustMode.OFF, new RegisteredOperations(10), 1);
        assertThat(documents.resolve(A, null)).isEqualTo(A);
        assertThatThrownBy(() -> documents.resolve(null, DocumentHash.of(A))).extracting("code").isEqualTo(DocumentRefused.NOT_FOUND);

        assertThat(documents.resolve(A, DocumentHash.of(A))).isEqualTo(A);
        assertThat(documents.resolve(null, DocumentHash.of(A))).isEqualTo(A);
        assertThatThrownBy(() -> documents.resolve(B, DocumentHash.of(A))).extracting("code").isEqualTo(DocumentRefused.HASH_MISMATCH);

        documents.resolve(B, DocumentHash.of(B));
        assertThatThrownBy(() -> documents.resolve(null, DocumentHash.of(A))).as("the cache holds one document")
                .extracting("code").isEqualTo(DocumentRefused.NOT_FOUND);
        assertThatThrownBy(() -> documents.resolve(null, "md5:abc")).extracting("code").isEqualTo(DocumentRefused.BAD_DOCUMENT_ID);
    }

    @Test
    void allowListedRunsRegisteredDocumentsOnlyAndLearnsNothingFromClients() {
        RegisteredOperations registered = new RegisteredOperations(10);
        registered.apply(DocumentHash.of(A), RegisteredOperation.of(A, Instant.EPOCH));
        PersistedDocuments documents = new PersistedDocuments(TrustMode.ALLOW_LISTED, registered, 10);

        assertThat(documents.resolve(A, null)).isEqualTo(A);
        assertThat(documents.resolve(null, DocumentHash.of(A))).isEqualTo(A);
        assertThatThrownBy(() -> documents.resolve(B, null)).extracting("code").isEqualTo(DocumentRefused.NOT_ALLOWED);
        assertThatThrownBy(() -> documents.resolve(B, DocumentHash.of(B))).extracting("code").isEqualTo(DocumentRefused.NOT_ALLOWED);
        assertThatThrownBy(() -> documents.resolve(null, DocumentHash.of(B))).as("a client cannot add to the list")
                .extracting("code").isEqualTo(DocumentRefused.NOT_FOUND);
    }

    @Test
    void aRelayIdRunsTheRegisteredDocumentItIsAnAliasOf() {
        String relayA = "d7fe099d6f46846bb761d84678c79f68"; // printf '{ a }' | md5sum
        String relayB = "ff93678c65cad832282970bd12ee2f0f";
        RegisteredOperations registered = new RegisteredOperations(10);
        registered.apply(DocumentHash.of(A), new RegisteredOperation(DocumentHash.of(A), A, Instant.EPOCH, List.of(relayA)));
        PersistedDocuments documents = new PersistedDocuments(TrustMode.ALLOW_LISTED, registered, 10);

        assertThat(documents.resolve(null, relayA)).isEqualTo(A);
        assertThat(documents.resolve(null, relayA.toUpperCase())).isEqualTo(A);
        assertThat(documents.resolve(A, relayA)).isEqualTo(A);
        assertThatThrownBy(() -> documents.resolve(B, relayA)).extracting("code").isEqualTo(DocumentRefused.HASH_MISMATCH);
        assertThatThrownBy(() -> documents.resolve(null, relayB)).extracting("code").isEqualTo(DocumentRefused.NOT_FOUND);
        assertThatThrownBy(() -> documents.resolve(B, relayB)).as("its own id, but not registered")
                .extracting("code").isEqualTo(DocumentRefused.NOT_ALLOWED);
        assertThatThrownBy(() -> documents.resolve(null, "MyQuery")).extracting("code").isEqualTo(DocumentRefused.BAD_DOCUMENT_ID);
        assertThatThrownBy(() -> new PersistedDocuments(TrustMode.OFF, registered, 10).resolve(null, "a8b6cba75cdaf27eb2f56ac3f2480030c3c5daf0"))
                .as("A's SHA-1 is no alias until registered as one").extracting("code").isEqualTo(DocumentRefused.NOT_FOUND);

        registered.apply(DocumentHash.of(A), null);
        assertThatThrownBy(() -> documents.resolve(null, relayA)).as("withdrawn with its document")
                .extracting("code").isEqualTo(DocumentRefused.NOT_FOUND);
    }

    @Test
    void theRegistryIsBoundedAndTakesOnlyADocumentUnderItsOwnHash() {
        RegisteredOperations registered = new RegisteredOperations(1);
        assertThat(registered.apply(DocumentHash.of(A), RegisteredOperation.of(A, Instant.EPOCH))).isTrue();
        assertThat(registered.apply(DocumentHash.of(B), RegisteredOperation.of(B, Instant.EPOCH))).isFalse();
        assertThat(registered.contains(DocumentHash.of(B))).isFalse();
        assertThat(registered.apply(DocumentHash.of(A), RegisteredOperation.of(B, Instant.EPOCH))).as("key and document disagree").isFalse();
        assertThat(registered.apply(DocumentHash.of(A), null)).isFalse();
        assertThat(registered.size()).isZero();
        assertThat(registered.apply(DocumentHash.of(B), RegisteredOperation.of(B, Instant.EPOCH))).isTrue();
    }
}
