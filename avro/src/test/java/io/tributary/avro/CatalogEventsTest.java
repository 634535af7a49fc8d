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
}
