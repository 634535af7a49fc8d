package io.tributary.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.catalog.SyntheticGraph;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The fold's memos are bounded by what they hold, not only by how many entries: an aggregator folds for months, and at
 * Coursera scale one graph is megabytes. A graph the fleet left long ago must become garbage.
 */
class ViewFoldMemoryTest {
    private static final SyntheticGraph GRAPH = new SyntheticGraph(4, 200);

    @Test
    void shouldLetTheGraphOfAStateLongGoneBeCollected() {
        ViewFold fold = new ViewFold("memory-test");
        SchemaView first = fold.next(Optional.empty(), fleet(1), new Cause("t", 0, 0, "service0/i-1"), Instant.EPOCH).orElseThrow();
        WeakReference<String> firstSdl = new WeakReference<>(first.sdl());
        Optional<SchemaView> last = Optional.of(first);
        first = null;

        // Each version changes one resource of service0: every state is a graph of its own, together far over any memo's budget.
        int versions = 2 + 24_000_000 / last.orElseThrow().sdl().length();
        for (int version = 2; version <= versions; version++) {
            last = fold.next(last, fleet(version), new Cause("t", 0, version, "service0/i-1"), Instant.EPOCH.plusSeconds(version));
            assertThat(last).as("version %d makes a view", version).isPresent();
        }

        for (int collections = 0; collections < 20 && firstSdl.get() != null; collections++) {
            System.gc();
        }
        assertThat(firstSdl.get()).as("the first state's SDL, %d states later", versions - 1).isNull();
    }

    private static List<ServiceCatalog> fleet(int versionOfFirst) {
        List<ServiceCatalog> catalogs = new ArrayList<>(IntStream.range(1, GRAPH.services())
                .mapToObj(s -> GRAPH.catalog(s, 1, "i-1", 30_000)).toList());
        catalogs.addFirst(GRAPH.catalog(0, versionOfFirst, "i-1", 30_000));
        return catalogs;
    }
}
