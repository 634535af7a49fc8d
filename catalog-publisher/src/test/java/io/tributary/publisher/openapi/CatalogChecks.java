package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.compose.ComposedGraph;
import io.tributary.compose.GraphComposer;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.fold.EffectiveCatalog;
import java.time.Instant;
import java.util.List;

/**
 * What every mapped catalog must do downstream: pass the wire format unchanged and compose without errors, alone
 * and next to the example services' catalogs.
 */
final class CatalogChecks {
    private CatalogChecks() {
    }

    static void assertComposesAndRoundTrips(String service, OpenApiMapping mapping) {
        ServiceCatalog catalog = new ServiceCatalog(service, "i-1", "1.0.0", Instant.parse("2026-01-01T00:00:00Z"),
                "http://localhost:8080", 30_000, mapping.resources(), mapping.operations());
        List<Resource> resources = mapping.resources();
        var serde = TributarySerdes.catalog();
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", catalog))).isEqualTo(catalog);

        ComposedGraph graph = new GraphComposer().compose(List.of(EffectiveCatalog.of(List.of(catalog))));
        assertThat(graph.diagnostics()).filteredOn(d -> d.severity() == Diagnostic.Severity.ERROR).isEmpty();
        assertThat(graph.failedServices()).isEmpty();
        for (Resource resource : resources) {
            assertThat(graph.sdl()).contains("type " + resource.modelName() + " {");
        }
        for (OperationField field : mapping.operations()) {
            assertThat(graph.schema().getObjectType(field.isQuery() ? "Query" : "Mutation").getFieldDefinition(field.name()))
                    .as(field.name()).isNotNull();
        }

        List<ServiceCatalog> withExamples = List.of(CourseCatalogs.everything("a"), GraphCatalogs.instructors(),
                GraphCatalogs.enrollments(), GraphCatalogs.partners(), catalog);
        ComposedGraph together = new GraphComposer().compose(withExamples.stream().map(c -> EffectiveCatalog.of(List.of(c))).toList());
        assertThat(together.failedServices()).isEmpty();
        assertThat(together.diagnostics()).filteredOn(d -> d.severity() == Diagnostic.Severity.ERROR)
                .as("a document's own errors next to the examples (a name the examples claimed first may be taken)")
                .allSatisfy(d -> assertThat(d.code()).isIn("FIELD_CONFLICT", "TYPE_CONFLICT", "RESOURCE_CONFLICT"));
    }
}
