package io.tributary.publisher.openapi;

import static io.tributary.publisher.openapi.Documents.map30;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
import org.junit.jupiter.api.Test;

/** Resources inferred from real-world paths: version prefixes, namespaces, nested collections, finder paths, verbs. */
class ResourceInferenceTest {
    private static final String PET = """
              schemas:
                Pet:
                  type: object
                  required: [id]
                  properties:
                    id: {type: integer, format: int64}
                    name: {type: string}
                    status: {type: string}
            """;
    private static final String ONE_PET = "{'200': {description: a pet, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}";
    private static final String PETS = "{'200': {description: pets, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}}";

    @Test
    void shouldStripAVersionPrefixAndVersionTheResourceByIt() {
        Resource pets = Documents.only(map30("""
                paths:
                  /2.0/pets/{petId}:
                    get:
                      parameters: [{name: petId, in: path, required: true, schema: {type: integer}}]
                      responses: %s
                components:
                """.formatted(ONE_PET) + PET));

        assertThat(pets.qualifiedName()).isEqualTo("pets.v2");
        assertThat(pets.keyField()).isEqualTo("id");
        assertThat(Documents.operation(pets, OperationKind.GET).path()).isEqualTo("/2.0/pets/{petId}");
    }

    @Test
    void shouldStripTheServersPathAndAProductNameBeforeTheVersion() {
        OpenApiMapping mapping = map30("""
                servers: [{url: 'https://example.com/api/v3'}]
                paths:
                  /api/v3/pet/{petId}:
                    get:
                      parameters: [{name: petId, in: path, required: true, schema: {type: integer}}]
                      responses: %s
                  /tasks/v1/pets:
                    get:
                      responses: %s
                components:
                """.formatted(ONE_PET, PETS) + PET);

        assertThat(mapping.resources()).extracting(Resource::qualifiedName).containsExactly("pets.v1");
        assertThat(Documents.only(mapping).operations()).extracting(Operation::kind).containsExactly(OperationKind.GET, OperationKind.GET_ALL);
    }

    @Test
    void shouldReadFinderPathsNamespacesAndVerbs() {
        Resource pets = Documents.only(map30("""
                paths:
                  /store/pet/{petId}:
                    get:
                      parameters: [{name: petId, in: path, required: true, schema: {type: integer}}]
                      responses: %s
                    post:
                      operationId: updatePetWithForm
                      parameters: [{name: petId, in: path, required: true, schema: {type: integer}}]
                      responses: {'200': {description: updated}}
                  /store/pet/findByStatus:
                    get:
                      parameters: [{name: status, in: query, required: true, schema: {type: string}}]
                      responses: %s
                  /store/pet/search:
                    get:
                      parameters: [{name: query, in: query, required: true, schema: {type: string}}]
                      responses: %s
                  /store/pet/createWithArray:
                    post:
                      requestBody: {content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}
                      responses: {'200': {description: created}}
                components:
                """.formatted(ONE_PET, PETS, PETS) + PET));

        assertThat(pets.qualifiedName()).isEqualTo("pets.v1");
        assertThat(pets.operations()).extracting(Operation::kind, Operation::name, Operation::path).containsExactly(
                tuple(OperationKind.GET, "", "/store/pet/{petId}"),
                tuple(OperationKind.FINDER, "byStatus", "/store/pet/findByStatus"),
                tuple(OperationKind.FINDER, "search", "/store/pet/search"),
                tuple(OperationKind.ACTION, "createWithArray", "/store/pet/createWithArray"),
                tuple(OperationKind.ACTION, "updateWithForm", "/store/pet/{petId}"));
    }

    @Test
    void shouldMakeAChildCollectionAFinderByItsParentsKeysAndACompositeGetAnOperationField() {
        OpenApiMapping mapping = map30("""
                paths:
                  /owners/{owner}/{slug}/pets:
                    get:
                      parameters:
                        - {name: owner, in: path, required: true, schema: {type: string}}
                        - {name: slug, in: path, required: true, schema: {type: string}}
                      responses: %s
                    post:
                      parameters:
                        - {name: owner, in: path, required: true, schema: {type: string}}
                        - {name: slug, in: path, required: true, schema: {type: string}}
                      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
                      responses: %s
                  /owners/{owner}/{slug}/pets/{id}:
                    get:
                      parameters:
                        - {name: owner, in: path, required: true, schema: {type: string}}
                        - {name: slug, in: path, required: true, schema: {type: string}}
                        - {name: id, in: path, required: true, schema: {type: string}}
                      responses: %s
                components:
                """.formatted(PETS, ONE_PET, ONE_PET) + PET);

        assertThat(Documents.only(mapping).operations()).extracting(Operation::kind, Operation::name).containsExactly(
                tuple(OperationKind.FINDER, "byOwnerAndSlug"), tuple(OperationKind.CREATE, ""));
        assertThat(mapping.unmapped()).isEmpty();
        assertThat(mapping.operations()).singleElement().satisfies(field -> {
            assertThat(field.name()).isEqualTo("ownersPetsById");
            assertThat(field.operation().parameters()).extracting(io.tributary.catalog.Parameter::name).containsExactly("owner", "slug", "id");
            assertThat(field.result().getName()).isEqualTo("Pet");
        });
    }

    @Test
    void shouldMakeAListWithARequiredFilterAFinderByIt() {
        Resource pets = Documents.only(map30("""
                paths:
                  /pets:
                    get:
                      parameters:
                        - {name: domain, in: query, required: true, schema: {type: string}}
                        - {name: page, in: query, schema: {type: integer}}
                        - {name: per_page, in: query, schema: {type: integer}}
                      responses: %s
                components:
                """.formatted(PETS) + PET));

        assertThat(pets.operations()).extracting(Operation::kind, Operation::name).containsExactly(tuple(OperationKind.FINDER, "byDomain"));
    }

    @Test
    void shouldFindElementsAndKeysInCommonWrappers() {
        Resource attachments = Documents.only(map30("""
                paths:
                  /attachments:
                    get:
                      responses:
                        '200':
                          description: page
                          content:
                            application/json:
                              schema:
                                type: object
                                properties:
                                  data: {type: array, items: {$ref: '#/components/schemas/Attachment'}}
                                  next_page: {type: object, properties: {offset: {type: string}}}
                  /attachments/{attachment_gid}:
                    get:
                      parameters: [{name: attachment_gid, in: path, required: true, schema: {type: string}}]
                      responses:
                        '200':
                          description: one
                          content: {application/json: {schema: {type: object, properties: {data: {$ref: '#/components/schemas/Attachment'}}}}}
                components:
                  schemas:
                    Attachment:
                      type: object
                      properties:
                        gid: {type: string}
                        name: {type: string}
                """));

        assertThat(attachments.keyField()).isEqualTo("gid");
        assertThat(Documents.operation(attachments, OperationKind.GET).envelope()).isEqualTo(new ResponseEnvelope("/data", "", ""));
        assertThat(Documents.operation(attachments, OperationKind.GET_ALL).envelope())
                .isEqualTo(new ResponseEnvelope("/data", "", "/next_page/offset"));
    }

    @Test
    void shouldReportAnUploadThatFitsNeitherTheResourceNorAnOperationField() {
        OpenApiMapping mapping = map30("""
                paths:
                  /pets/{petId}:
                    get:
                      parameters: [{name: petId, in: path, required: true, schema: {type: integer}}]
                      responses: %s
                  /pets/{petId}/uploadImage:
                    post:
                      parameters: [{name: petId, in: path, required: true, schema: {type: integer}}]
                      requestBody: {content: {application/octet-stream: {schema: {type: string, format: binary}}}}
                      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/ApiResponse'}}}}}
                components:
                  schemas:
                    ApiResponse: {type: object, properties: {code: {type: integer}}}
                """.formatted(ONE_PET) + PET.substring(PET.indexOf('\n') + 1));

        assertThat(mapping.unmapped()).extracting(UnmappedOperation::category).containsExactly(UnmappedOperation.Category.BINARY_UPLOAD);
        assertThat(mapping.unmapped().getFirst().reason()).isEqualTo("its request body is [application/octet-stream], but the gateway sends JSON or a URL-encoded form");
    }
}
