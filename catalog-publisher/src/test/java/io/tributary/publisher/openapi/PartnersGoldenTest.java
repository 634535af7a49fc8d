package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.CatalogJson;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Pagination;
import io.tributary.catalog.ResponseEnvelope;
import org.junit.jupiter.api.Test;

/** The partners example's document maps fully: GET, MULTI_GET and an offset-paged GET_ALL in Naptime envelopes. */
class PartnersGoldenTest {
    private final OpenApiMapping mapping = OpenApiCatalogReader.read(PartnersDocument.location());

    @Test
    void shouldMapEveryOperationWithoutCompromise() {
        assertThat(mapping.unmapped()).isEmpty();
        assertThat(mapping.notes()).isEmpty();
        assertThat(mapping.report()).isEqualTo("Mapped 1 resource with 3 operations: partners.v1.\nEvery operation was mapped.\n");
    }

    @Test
    void shouldMapTheDocumentToTheExpectedCatalog() {
        Golden.assertMatches(CatalogJson.resources(mapping.resources()), "partners.catalog.json");
    }

    @Test
    void shouldPageTheListOffsetStyleInTheNaptimeEnvelope() {
        var partners = Documents.only(mapping);

        var all = Documents.operation(partners, OperationKind.GET_ALL);
        assertThat(all.pagination()).isEqualTo(Pagination.OFFSET);
        assertThat(all.envelope()).isEqualTo(ResponseEnvelope.NAPTIME);
        assertThat(Documents.operation(partners, OperationKind.MULTI_GET).envelope()).isEqualTo(ResponseEnvelope.NAPTIME);
    }

    @Test
    void shouldComposeIntoAValidGraphQLSchemaAndSurviveTheWire() {
        CatalogChecks.assertComposesAndRoundTrips("partners", mapping);
    }
}
