package io.tributary.publisher.openapi;

import static io.tributary.publisher.openapi.Documents.map30;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.catalog.BodyEncoding;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import org.junit.jupiter.api.Test;

/** Request bodies the gateway can send: JSON, and URL-encoded forms of flat objects; what a form cannot carry is refused. */
class RequestBodiesTest {
    private static final String PET = """
            components:
              schemas:
                Pet:
                  type: object
                  required: [id]
                  properties:
                    id: {type: integer, format: int64}
                    name: {type: string}
                    status: {type: string}
            """;
    private static final String GET_PET = """
              /pet/{petId}:
                get:
                  parameters: [{name: petId, in: path, required: true, schema: {type: integer, format: int64}}]
                  responses: {'200': {description: a pet, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}
            """;

    @Test
    void shouldMapAFormBodyToAnOperationFieldWhoseInputTheGatewaySendsAsAForm() {
        OpenApiMapping mapping = map30("""
                paths:
                  /session:
                    post:
                      requestBody:
                        required: true
                        content:
                          application/x-www-form-urlencoded:
                            schema:
                              required: [email, password]
                              properties:
                                email: {type: string}
                                password: {type: string, format: password}
                                scopes: {type: array, items: {type: string}}
                                extra: {description: any JSON}
                      responses: {'200': {description: a session, content: {application/json: {schema: {type: object, properties: {token: {type: string}}}}}}}
                """);

        assertThat(mapping.unmapped()).isEmpty();
        OperationField session = mapping.operations().getFirst();
        assertThat(session.operation().bodyEncoding()).isEqualTo(BodyEncoding.FORM);
        Parameter input = session.operation().parameters().getFirst();
        assertThat(input.name()).isEqualTo(CallTranslator.BODY);
        assertThat(input.location()).isEqualTo(Parameter.Location.BODY);
        assertThat(input.schema().getFields()).extracting(org.apache.avro.Schema.Field::name).containsExactly("email", "password", "scopes", "extra");
    }

    @Test
    void shouldSpreadAFormBodyOverAnActionsArguments() {
        OpenApiMapping mapping = map30("paths:\n" + GET_PET + """
                  /pet/{petId}/rename:
                    post:
                      parameters: [{name: petId, in: path, required: true, schema: {type: integer, format: int64}}]
                      requestBody:
                        required: true
                        content:
                          application/x-www-form-urlencoded:
                            schema: {type: object, required: [name], properties: {name: {type: string}}}
                      responses: {'200': {description: a pet, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}
                """ + PET);

        Operation rename = Documents.only(mapping).operations().stream().filter(op -> op.kind() == OperationKind.ACTION).findFirst().orElseThrow();
        assertThat(rename.bodyEncoding()).isEqualTo(BodyEncoding.FORM);
        assertThat(rename.parameters()).filteredOn(p -> p.location() == Parameter.Location.BODY)
                .extracting(Parameter::name, Parameter::required).containsExactly(tuple("name", true));
    }

    @Test
    void shouldPreferJsonWhenTheBodyOffersBoth() {
        OpenApiMapping mapping = map30("paths:\n" + GET_PET + """
                  /pets:
                    post:
                      requestBody:
                        content:
                          application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Pet'}}
                          application/json: {schema: {$ref: '#/components/schemas/Pet'}}
                      responses: {'200': {description: a pet, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}
                """ + PET);

        assertThat(Documents.operation(Documents.only(mapping), OperationKind.CREATE).bodyEncoding()).isEqualTo(BodyEncoding.JSON);
    }

    @Test
    void shouldRefuseAFormWhoseValuesNest() {
        OpenApiMapping mapping = map30("""
                paths:
                  /session:
                    post:
                      requestBody:
                        content:
                          application/x-www-form-urlencoded:
                            schema: {type: object, properties: {owner: {type: object, properties: {name: {type: string}}}}}
                      responses: {'204': {description: done}}
                  /upload:
                    post:
                      requestBody:
                        content:
                          application/x-www-form-urlencoded:
                            schema: {type: object, properties: {file: {type: string, format: binary}}}
                      responses: {'204': {description: done}}
                """);

        assertThat(mapping.unmapped()).extracting(UnmappedOperation::path, UnmappedOperation::category, UnmappedOperation::reason).containsExactly(
                tuple("/session", UnmappedOperation.Category.NON_JSON, "its form property 'owner' is an object with properties, which a form"
                        + " writes in a way of its own; the gateway writes form properties as scalars, lists of scalars and JSON text"),
                tuple("/upload", UnmappedOperation.Category.BINARY_UPLOAD, "its form property 'file' is a file"));
    }
}
