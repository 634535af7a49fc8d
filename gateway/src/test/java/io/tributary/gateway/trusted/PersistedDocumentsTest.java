package io.tributary.gateway.trusted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.operations.DocumentHash;
import io.tributary.operations.RegisteredOperation;
import java.time.Instant;
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
