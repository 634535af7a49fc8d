package io.tributary.avro;

import static io.tributary.avro.EncodedViews.avro;
import static io.tributary.avro.EncodedViews.cause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.catalog.SyntheticGraph;
import io.tributary.view.FoldState;
import io.tributary.view.FoldStep;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewDecoderTest {
    private static final SyntheticGraph GRAPH = new SyntheticGraph(5, 20);

    private final ViewFold fold = new ViewFold("default");
    private final ViewDecoder decoder = new ViewDecoder();

    @Test
    void shouldReadEachViewOfAFoldAsAvrosOwnDecoderAndUnchangedRoutesAsTheObjectsItReadBefore() throws Exception {
        List<ServiceCatalog> live = new ArrayList<>(GRAPH.catalogs());
        FoldStep step = fold.next(Optional.empty(), live, FoldState.EMPTY, List.of(), cause(0), Instant.EPOCH);
        SchemaView read = decoder.decode(avro(step.view().orElseThrow()));
        assertThat(read).isEqualTo(step.view().orElseThrow()).isEqualTo(avroRead(step.view().orElseThrow()));

        for (int change = 1; change <= 6; change++) {
            int service = change % GRAPH.services();
            if (change == 4) {
                live.remove(service);
            } else {
                live.set(service, GRAPH.catalog(service, change + 1, "i-1", 30_000));
            }
            step = fold.next(step.view(), live, step.state(), List.of(), cause(change), Instant.EPOCH);
            SchemaView view = step.view().orElseThrow();
            SchemaView before = read;

            read = decoder.decode(avro(view));

            assertThat(read).as("view after change %d", change).isEqualTo(view).isEqualTo(avroRead(view));
            assertThat(read.routing().fields()).as("routes of the last view read again as the objects read before")
                    .filteredOn(route -> before.routing().fields().contains(route))
                    .isNotEmpty()
                    .allMatch(route -> before.routing().fields().stream().anyMatch(earlier -> earlier == route));
        }
    }

    @Test
    void shouldRefuseTruncatedBytesAndKeepReadingWholeViewsAfterThem() throws Exception {
        SchemaView view = fold.next(Optional.empty(), GRAPH.catalogs(), cause(0), Instant.EPOCH).orElseThrow();
        byte[] bytes = avro(view);

        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(bytes, bytes.length / 2))).isInstanceOf(UndecodableEventException.class);
        assertThat(decoder.decode(bytes)).isEqualTo(view);
    }

    @Test
    void shouldTellViewsTheCurrentSchemaWroteFromOthers() throws Exception {
        SchemaView view = fold.next(Optional.empty(), GRAPH.catalogs(), cause(0), Instant.EPOCH).orElseThrow();
        byte[] bytes = avro(view);
        byte[] otherFingerprint = bytes.clone();
        otherFingerprint[5] ^= 1;

        assertThat(ViewDecoder.current(bytes)).isTrue();
        assertThat(ViewDecoder.current(otherFingerprint)).isFalse();
        assertThat(ViewDecoder.current(new byte[] {(byte) 0xC3, 0x01})).isFalse();
    }

    private static SchemaView avroRead(SchemaView view) throws Exception {
        return ViewMapper.toModel(io.tributary.avro.generated.SchemaView.getDecoder().decode(avro(view)));
    }
}
