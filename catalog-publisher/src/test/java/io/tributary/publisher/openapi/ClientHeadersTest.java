package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.OperationField;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Header parameters the client sends and the gateway forwards (a tenant header, an API key) are no arguments, so a GET
 * that requires one is still its resource's GET, and its links can become relations.
 */
class ClientHeadersTest {
    private static final String DOCUMENT = """
            openapi: 3.0.3
            info: {title: crm, version: '1'}
            paths:
              /companies/{id}:
                get:
                  operationId: companiesOne
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                    - {name: x-tenant-id, in: header, required: true, schema: {type: string}}
                    - {name: x-app-id, in: header, required: true, schema: {type: string}}
                  responses: {'200': {description: a company, content: {application/json: {schema: {$ref: '#/components/schemas/Company'}}}}}
            components:
              securitySchemes:
                applicationId: {type: apiKey, in: header, name: x-app-id}
              schemas:
                Company:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    name: {type: string}
            """;

    @Test
    void shouldMakeAGetThatNeedsTheClientsHeadersItsResourcesGet() {
        OpenApiMapping mapping = OpenApiMapper.map(OpenApiCatalogReader.parse("crm.yaml", DOCUMENT), List.of("X-Tenant-Id"));

        Resource companies = Documents.only(mapping);
        assertThat(Documents.operation(companies, OperationKind.GET).parameters()).extracting(Parameter::name).containsExactly("id");
        assertThat(mapping.operations()).isEmpty();
        assertThat(mapping.notes()).contains("no argument sets the header x-app-id, x-tenant-id: the client sends it, and the gateway"
                + " forwards it when tributary.gateway.service-forwarded-headers.<service> names it");
    }

    @Test
    void shouldKeepAHeaderNobodyForwardsAnArgument() {
        OpenApiMapping mapping = OpenApiMapper.map(OpenApiCatalogReader.parse("crm.yaml", DOCUMENT));

        assertThat(mapping.resources()).isEmpty();
        assertThat(mapping.operations()).singleElement().extracting(OperationField::operation)
                .satisfies(get -> assertThat(get.parameters()).extracting(Parameter::wireName).containsExactly("id", "x-tenant-id"));
    }
}
