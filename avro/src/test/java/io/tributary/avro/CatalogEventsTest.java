package io.tributary.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.view.Cause.EventKind;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CatalogEventsTest {

    @Test
    void shouldTellPublicationsRetractionsAndExpiriesApart() {
        assertThat(CatalogEvents.kind(new byte[] {1}, new RecordHeaders())).isEqualTo(EventKind.PUBLISHED);
        assertThat(CatalogEvents.kind(null, new RecordHeaders())).isEqualTo(EventKind.RETRACTED);
        assertThat(CatalogEvents.kind(null, CatalogEvents.expiryHeaders())).isEqualTo(EventKind.EXPIRED);
    }

    @Test
    void shouldTakeATombstoneWithANullOrForeignMarkerForARetraction() {
        assertThat(CatalogEvents.kind(null, new RecordHeaders().add(CatalogEvents.EVENT_HEADER, null))).isEqualTo(EventKind.RETRACTED);
        assertThat(CatalogEvents.kind(null, new RecordHeaders().add(CatalogEvents.EVENT_HEADER, new byte[0]))).isEqualTo(EventKind.RETRACTED);
        assertThat(CatalogEvents.kind(null, new RecordHeaders().add(CatalogEvents.EVENT_HEADER, new byte[] {(byte) 0xff})))
                .isEqualTo(EventKind.RETRACTED);
    }
}
