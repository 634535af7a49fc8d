package io.tributary.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.view.LogEvent;
import io.tributary.view.LogReplay;
import io.tributary.view.SchemaView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The views' serde of a topology: the bytes of the views' own serde, each view encoded once however often it is written. */
class ViewBytesTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void shouldEncodeAViewOnceForEveryPlaceItIsWrittenAndANewViewAgain() {
        LogReplay replay = new LogReplay("default");
        ServiceCatalog courses = CourseCatalogs.v1("a");
        ServiceCatalog instructors = GraphCatalogs.instructors();
        replay.append(new LogEvent.Published(courses.instanceKey(), courses), "catalog", T0);
        SchemaView first = replay.current().orElseThrow();
        replay.append(new LogEvent.Published(instructors.instanceKey(), instructors), "catalog", T0);
        SchemaView second = replay.current().orElseThrow();
        ViewBytes serde = new ViewBytes();

        byte[] stored = serde.serializer().serialize("schema-views-changelog", first);
        byte[] sent = serde.serializer().serialize("schema", first);
        byte[] next = serde.serializer().serialize("schema", second);

        assertThat(sent).isSameAs(stored).isEqualTo(TributarySerdes.view().serializer().serialize("schema", first));
        assertThat(next).isEqualTo(TributarySerdes.view().serializer().serialize("schema", second));
        assertThat(serde.deserializer().deserialize("schema", next)).isEqualTo(second);
        assertThat(serde.serializer().serialize("schema", null)).isNull();
    }
}
