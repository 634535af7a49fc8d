package io.tributary.avro;

import static io.tributary.avro.EncodedViews.avro;
import static io.tributary.avro.EncodedViews.cause;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.catalog.SyntheticGraph;
import io.tributary.view.FoldState;
import io.tributary.view.FoldStep;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewEncoderTest {
    private static final SyntheticGraph GRAPH = new SyntheticGraph(5, 20);

    private final ViewFold fold = new ViewFold("default");
    private final ViewEncoder encoder = new ViewEncoder();

    @Test
    void shouldWriteEachViewOfAFoldByteForByteAsAvrosOwnEncoder() throws Exception {
        List<ServiceCatalog> live = new ArrayList<>(GRAPH.catalogs());
        FoldStep step = fold.next(Optional.empty(), live, FoldState.EMPTY, List.of(), cause(0), Instant.EPOCH);
        assertThat(encoder.encode(step.view().orElseThrow())).isEqualTo(avro(step.view().orElseThrow()));

        for (int change = 1; change <= 6; change++) {
            int service = change % GRAPH.services();
            if (change == 4) {
                live.remove(service);
            } else {
                live.set(service, GRAPH.catalog(service, change + 1, "i-1", 30_000));
            }
            SchemaView last = step.view().orElseThrow();
            step = fold.next(Optional.of(last), live, step.state(), List.of(), cause(change), Instant.EPOCH);
            SchemaView view = step.view().orElseThrow();

            assertThat(view.routing().fields()).as("the fold keeps the very objects of unchanged routes")
                    .anyMatch(route -> last.routing().fields().stream().anyMatch(before -> before == route));
            assertThat(encoder.encode(view)).as("view after change %d", change).isEqualTo(avro(view));
        }
    }

    @Test
    void shouldWriteAViewItWroteBeforeTheSameAgain() throws Exception {
        SchemaView view = fold.next(Optional.empty(), GRAPH.catalogs(), cause(0), Instant.EPOCH).orElseThrow();

        byte[] first = encoder.encode(view);

        assertThat(encoder.encode(view)).isEqualTo(first).isEqualTo(avro(view));
    }
}
