package io.tributary.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.avro.TributarySerdes;
import io.tributary.avro.UndecodableEventException;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.view.LogEvent;
import io.tributary.view.LogReplay;
import io.tributary.view.SchemaView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void shouldHandTheEncodedViewToAReaderOfTheSameBytesOnlyWhileItIsAmongTheLastEncoded() {
        LogReplay replay = new LogReplay("default");
        List<SchemaView> views = new ArrayList<>();
        for (int i = 0; i <= ViewBytes.REMEMBERED; i++) {
            ServiceCatalog courses = CourseCatalogs.v1("instance-" + i);
            replay.append(new LogEvent.Published(courses.instanceKey(), courses), "catalog", T0.plusSeconds(i));
            views.add(replay.current().orElseThrow());
        }
        ViewBytes serde = new ViewBytes();
        SchemaView first = views.getFirst();
        byte[] written = serde.serializer().serialize("schema-history", first);
        byte[] readBack = written.clone();

        assertThat(serde.deserializer().deserialize("schema-history", readBack)).isSameAs(first);
        readBack[readBack.length / 2] ^= 1;
        assertThatThrownBy(() -> serde.deserializer().deserialize("schema-history", readBack))
                .as("one byte off is not the view encoded, and fails the frame's checksum")
                .isInstanceOf(UndecodableEventException.class);

        for (SchemaView later : views.subList(1, views.size())) {
            serde.serializer().serialize("schema-history", later);
        }
        SchemaView forgotten = serde.deserializer().deserialize("schema-history", written.clone());
        assertThat(forgotten).as("encoded %d views ago", ViewBytes.REMEMBERED).isNotSameAs(first).isEqualTo(first);
        assertThat(serde.deserializer().deserialize("", TributarySerdes.view().serializer().serialize("", views.getLast())))
                .isSameAs(views.getLast());
    }
}
