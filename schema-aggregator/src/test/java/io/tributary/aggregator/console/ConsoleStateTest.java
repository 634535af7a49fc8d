package io.tributary.aggregator.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.RecordReplay;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.view.LogEvent;
import io.tributary.view.LogReplay;
import io.tributary.view.SchemaView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * What the console keeps in memory: the views it shows are bounded by their SDL, and only the latest keeps its routes,
 * so a large graph's history cannot fill the heap.
 */
class ConsoleStateTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void shouldKeepTheLatestViewsWithinItsSdlBudgetAndAlwaysTheLatest() {
        List<SchemaView> views = views(CourseCatalogs.v1("a"), GraphCatalogs.instructors(), GraphCatalogs.partners(), GraphCatalogs.enrollments());
        long lastTwo = views.get(2).sdl().length() + views.get(3).sdl().length();
        ConsoleState state = new ConsoleState("default", lastTwo);

        views.forEach(state::view);

        assertThat(state.history()).extracting(SchemaView::version).containsExactly(views.get(2).version(), views.get(3).version());
        assertThat(state.latest()).contains(views.get(3));
    }

    @Test
    void shouldKeepTheLatestViewEvenWhenItAloneIsOverTheBudget() {
        List<SchemaView> views = views(CourseCatalogs.v1("a"), GraphCatalogs.instructors());
        ConsoleState state = new ConsoleState("default", 1);

        views.forEach(state::view);

        assertThat(state.history()).extracting(SchemaView::version).containsExactly(views.get(1).version());
    }

    @Test
    void shouldKeepTheRoutesOfTheLatestViewOnlyAndEverythingElseOfEachView() {
        List<SchemaView> views = views(CourseCatalogs.v1("a"), GraphCatalogs.instructors(), GraphCatalogs.enrollments());
        ConsoleState state = new ConsoleState("default");

        views.forEach(state::view);
        state.view(views.get(1));

        assertThat(state.latest()).contains(views.get(2));
        assertThat(state.history()).hasSize(3).allSatisfy(kept -> {
            SchemaView shown = views.get((int) (kept.version() - views.getFirst().version()));
            assertThat(kept).usingRecursiveComparison().ignoringFields("routing.fields").isEqualTo(shown);
            assertThat(kept.routing().fields()).isEqualTo(kept == state.latest().orElseThrow() ? shown.routing().fields() : List.of());
        });
        assertThat(views).allSatisfy(view -> assertThat(view.routing().fields()).isNotEmpty());
    }

    @Test
    void shouldHandTheKeptViewsWithoutTheirSdlButTheLatestToPagesThatDoNotReadIt() {
        List<SchemaView> views = views(CourseCatalogs.v1("a"), GraphCatalogs.instructors(), GraphCatalogs.enrollments());
        ConsoleState state = new ConsoleState("default");

        views.forEach(state::view);

        assertThat(state.historyWithoutSdl()).extracting(SchemaView::sdl).containsExactly("", "", views.get(2).sdl());
        assertThat(state.historyWithoutSdl()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("sdl", "routing.fields")
                .containsExactlyElementsOf(views);
        assertThat(state.history()).extracting(SchemaView::sdl).containsExactlyElementsOf(views.stream().map(SchemaView::sdl).toList());
    }

    @Test
    void shouldFoldTheCatalogLogAsCheckReplaysItSkippingWhatItCannotDecode() {
        List<ServiceCatalog> catalogs = List.of(CourseCatalogs.v1("a"), GraphCatalogs.instructors(), GraphCatalogs.enrollments());
        ConsoleState state = new ConsoleState("default");
        RecordReplay replay = new RecordReplay("default");
        long offset = 0;
        for (ServiceCatalog catalog : catalogs) {
            byte[] key = catalog.instanceKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = TributarySerdes.catalog().serializer().serialize("catalog", catalog);
            state.catalogRecord("catalog", 0, offset, key, value, new RecordHeaders(), T0.toEpochMilli());
            replay.apply("catalog", 0, offset++, key, value, new RecordHeaders(), T0.toEpochMilli());
            state.catalogRecord("catalog", 0, offset++, key, "not a catalog".getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
                    T0.toEpochMilli());
        }
        state.view(replay.current().orElseThrow());

        LogReplay folded = state.fold();

        assertThat(folded.liveInstances()).isEqualTo(replay.liveInstances()).hasSize(3);
        assertThat(folded.current()).isEqualTo(replay.current());
    }

    private static List<SchemaView> views(ServiceCatalog... catalogs) {
        LogReplay replay = new LogReplay("default");
        List<SchemaView> views = new ArrayList<>();
        for (ServiceCatalog catalog : catalogs) {
            replay.append(new LogEvent.Published(catalog.instanceKey(), catalog), "catalog", T0);
            views.add(replay.current().orElseThrow());
        }
        return views;
    }
}
