package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.CatalogJson;
import org.junit.jupiter.api.Test;

/**
 * A realistic third-party document (parcelwise.yaml): nested schemas, {@code $ref}s to parameters, responses and
 * schemas, enums, path and query parameters, three paging styles, an envelope, relations, a nested collection (the
 * finder {@code events.byShipmentId}), and operations no convention covers.
 */
class ParcelwiseGoldenTest {
    private final OpenApiMapping mapping = OpenApiCatalogReader.read(Golden.document("parcelwise.yaml"));

    @Test
    void shouldMapTheDocumentToTheExpectedCatalog() {
        Golden.assertMatches(CatalogJson.resources(mapping.resources()), "parcelwise.catalog.json");
    }

    @Test
    void shouldReportEveryOperationItCouldNotMapWithItsReason() {
        assertThat(mapping.unmapped()).extracting(UnmappedOperation::toString).containsExactly(
                "POST /labels: its request body is [multipart/form-data], but the gateway sends JSON or a URL-encoded form",
                "HEAD /shipments/{shipmentId}: HEAD has no operation kind in the catalog");
        assertThat(mapping.operations()).extracting(io.tributary.catalog.OperationField::name)
                .containsExactly("depot", "health", "shipmentEvent");
    }

    @Test
    void shouldNoteEveryCompromise() {
        assertThat(mapping.notes()).containsExactly(
                "Carrier.region: enum mapped as a string: ['eu-west', 'us-east'] are not valid GraphQL enum values",
                "Carrier: left out property 'support-email': not a valid field name",
                "Carrier.attributes: a free-form object, mapped as a map (the GraphQL JSON scalar)",
                "shipments.v1: relation 'status' left out: Shipment has a field of that name");
    }

    @Test
    void shouldPrintAReportForPeople() {
        Golden.assertMatches(mapping.report(), "parcelwise.report.txt");
    }

    @Test
    void shouldComposeIntoAValidGraphQLSchemaAndSurviveTheWire() {
        CatalogChecks.assertComposesAndRoundTrips("parcelwise", mapping);
    }
}
