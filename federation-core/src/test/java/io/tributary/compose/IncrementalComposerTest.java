package io.tributary.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.catalog.SyntheticGraph;
import io.tributary.fold.EffectiveCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The composition from pieces against the whole-graph composition it must equal, byte for byte, on fixed graphs;
 * {@code IncrementalFoldTest} tries random histories.
 */
class IncrementalComposerTest {

    @Test
    void shouldComposeTheSyntheticGraphAsTheWholeGraphComposition() {
        List<EffectiveCatalog> catalogs = effective(new SyntheticGraph(7, 60).catalogs());

        assertSame(catalogs, CompositionSettings.DEFAULT);
    }

    @Test
    void shouldComposeRelationsOperationsConflictsAndVersionsAsTheWholeGraphComposition() {
        List<ServiceCatalog> all = List.of(GraphCatalogs.instructors(), CourseCatalogs.v2("a"), GraphCatalogs.enrollments(),
                GraphCatalogs.partners(), GraphCatalogs.store(), GraphCatalogs.repositories(), CourseCatalogs.everything("c"), CourseCatalogs.v1("b"));
        for (CompositionSettings.PaginationMode mode : CompositionSettings.PaginationMode.values()) {
            for (int first = 0; first < all.size(); first++) {
                List<ServiceCatalog> rotated = new ArrayList<>(all.subList(first, all.size()));
                rotated.addAll(all.subList(0, first));
                assertSame(effective(rotated), new CompositionSettings(mode));
            }
        }
    }

    @Test
    void shouldReuseThePiecesOfServicesThatDidNotChange() {
        SyntheticGraph graph = new SyntheticGraph(5, 20);
        List<ServiceCatalog> live = new ArrayList<>(graph.catalogs());
        IncrementalComposer composer = new IncrementalComposer(CompositionSettings.DEFAULT);
        PrintedSchema before = composer.compose(effective(live)).orElseThrow().schema();
        live.set(2, graph.catalog(2, 3, "i-1", 30_000));

        PrintedSchema after = composer.compose(effective(live)).orElseThrow().schema();

        assertThat(after.types().get("S0Thing0")).isSameAs(before.types().get("S0Thing0"));
        assertThat(after.types().get("S2Thing8").sdl()).contains("release3");
        assertThat(before.types().get("S2Thing8").sdl()).doesNotContain("release3");
    }

    @Test
    void shouldComposeADeployThatOnlyChangesADescriptionWithTheNewDescription() {
        IncrementalComposer composer = new IncrementalComposer(CompositionSettings.DEFAULT);
        ServiceCatalog before = CourseCatalogs.instance("a", "1.0.0", CourseCatalogs.COURSE_V1);
        ServiceCatalog after = CourseCatalogs.instance("a", "1.0.1", CourseCatalogs.COURSE_V1
                .replace("The title shown in the catalog.", "The title, as the catalog shows it."));
        composer.compose(effective(List.of(before))).orElseThrow();

        String sdl = composer.compose(effective(List.of(after))).orElseThrow().sdl();

        assertThat(before.resources()).isEqualTo(after.resources());
        assertThat(sdl).contains("The title, as the catalog shows it.").doesNotContain("The title shown in the catalog.");
    }

    private static void assertSame(List<EffectiveCatalog> catalogs, CompositionSettings settings) {
        ComposedGraph whole = new GraphComposer(settings).compose(catalogs);
        PrintedGraph pieces = new IncrementalComposer(settings).compose(catalogs).orElseThrow();

        assertThat(pieces.sdl()).isEqualTo(whole.sdl());
        assertThat(pieces.routing()).isEqualTo(whole.routing());
        assertThat(pieces.diagnostics()).isEqualTo(whole.diagnostics());
        assertThat(pieces.failedServices()).isEqualTo(whole.failedServices());
        assertThat(pieces.hash()).isEqualTo(whole.hash());
    }

    private static List<EffectiveCatalog> effective(List<ServiceCatalog> live) {
        return live.stream().map(c -> EffectiveCatalog.of(List.of(c))).toList();
    }
}
