package io.tributary.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.compose.CompositionSettings;
import io.tributary.curation.CurationRule;
import io.tributary.lint.LintSettings;
import io.tributary.view.FoldSettings;
import io.tributary.view.LogEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CatalogEventsTest {
    private static final byte[] KEY = "courses/a".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldTellPublicationsRetractionsAndExpiriesApart() {
        byte[] catalog = TributarySerdes.catalog().serializer().serialize("t", CourseCatalogs.v1("a"));
        assertThat(CatalogEvents.decode(KEY, catalog, new RecordHeaders()).event()).isInstanceOf(LogEvent.Published.class);
        assertThat(CatalogEvents.decode(KEY, null, new RecordHeaders()).event()).isEqualTo(new LogEvent.Retracted("courses/a", false));
        assertThat(CatalogEvents.decode(KEY, null, CatalogEvents.expiryHeaders()).event()).isEqualTo(new LogEvent.Retracted("courses/a", true));
    }

    @Test
    void shouldTakeATombstoneWithANullOrForeignMarkerForARetraction() {
        for (byte[] marker : new byte[][] {null, new byte[0], {(byte) 0xff}}) {
            assertThat(CatalogEvents.decode(KEY, null, new RecordHeaders().add(CatalogEvents.EVENT_HEADER, marker)).event())
                    .isEqualTo(new LogEvent.Retracted("courses/a", false));
        }
    }

    @Test
    void shouldReadTheRecordsTheAggregatorRelaysIntoTheLog() {
        CurationRule rule = new CurationRule.Hide("hide-rating", "Course.rating");
        byte[] ruleBytes = TributarySerdes.curation().serializer().serialize("t", rule);
        FoldSettings settings = new FoldSettings(new CompositionSettings(CompositionSettings.PaginationMode.RELAY), LintSettings.DEFAULT);

        assertThat(CatalogEvents.decode(CatalogEvents.curationKey("hide-rating"), ruleBytes, CatalogEvents.curationHeaders()).event())
                .isEqualTo(new LogEvent.Curated("hide-rating", rule));
        assertThat(CatalogEvents.decode(CatalogEvents.curationKey("hide-rating"), null, CatalogEvents.curationHeaders()).event())
                .isEqualTo(new LogEvent.Curated("hide-rating", null));
        assertThat(CatalogEvents.decode(CatalogEvents.settingsKey("default"),
                TributarySerdes.foldSettings().serializer().serialize("t", settings), CatalogEvents.settingsHeaders()).event())
                .isEqualTo(new LogEvent.SettingsChanged("default", settings));
    }

    @Test
    void shouldRefuseWhatOnlyLooksLikeTheAggregatorsOwnRecords() {
        byte[] ruleBytes = TributarySerdes.curation().serializer().serialize("t", new CurationRule.Hide("hide-rating", "Course.rating"));

        assertThat(CatalogEvents.decode(CatalogEvents.curationKey("hide-rating"), ruleBytes, new RecordHeaders()).event())
                .isInstanceOf(LogEvent.Unusable.class);
        assertThat(CatalogEvents.decode(CatalogEvents.curationKey("other-id"), ruleBytes, CatalogEvents.curationHeaders()).event())
                .isEqualTo(new LogEvent.Unusable("curation rule hide-rating relayed under key :curation/other-id"));
        assertThat(CatalogEvents.decode(new byte[] {'c', (byte) 0xc3, (byte) 0x28}, null, new RecordHeaders()))
                .satisfies(decoded -> assertThat(decoded.key()).isNull())
                .satisfies(decoded -> assertThat(decoded.event()).isInstanceOf(LogEvent.Unusable.class));
    }
}
