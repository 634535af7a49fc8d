package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.compose.ComposedGraph;
import io.tributary.compose.GraphComposer;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.fold.EffectiveCatalog;
import java.time.Instant;
import java.util.List;

/** What every mapped catalog must do downstream: pass the wire format unchanged and compose without errors. */
final class CatalogChecks {
    private CatalogChecks() {
    }

    static void assertComposesAndRoundTrips(String service, List<Resource> resources) {
        ServiceCatalog catalog = new ServiceCatalog(service, "i-1", "1.0.0", Instant.parse("2026-01-01T00:00:00Z"),
                "http://localhost:8080", 30_000, resources);
        var serde = TributarySerdes.catalog();
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", catalog))).isEqualTo(catalog);

        ComposedGraph graph = new GraphComposer().compose(List.of(EffectiveCatalog.of(List.of(catalog))));
        assertThat(graph.diagnostics()).filteredOn(d -> d.severity() == Diagnostic.Severity.ERROR).isEmpty();
        assertThat(graph.failedServices()).isEmpty();
        for (Resource resource : resources) {
            assertThat(graph.sdl()).contains("type " + resource.modelName() + " {");
        }
    }
}
