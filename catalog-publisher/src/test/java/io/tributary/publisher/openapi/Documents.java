package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Resource;

/** Small OpenAPI documents for tests: a header plus the paths and components a test is about. */
final class Documents {
    private Documents() {
    }

    /** Maps an OpenAPI 3.0 document whose {@code paths:} and {@code components:} sections are given, indented by two. */
    static OpenApiMapping map30(String pathsAndComponents) {
        return map("3.0.3", pathsAndComponents);
    }

    static OpenApiMapping map31(String pathsAndComponents) {
        return map("3.1.0", pathsAndComponents);
    }

    private static OpenApiMapping map(String version, String pathsAndComponents) {
        String document = "openapi: " + version + "\ninfo: {title: test, version: '1'}\n" + pathsAndComponents;
        return OpenApiMapper.map(OpenApiCatalogReader.parse("test.yaml", document));
    }

    /**
     * A document whose {@code GET /things/{id}} returns the component {@code Thing}, defined by the given schema; lines
     * indented less than its first line are further components ({@code Person:}).
     */
    static OpenApiMapping thingModel(String version, String thingSchema) {
        int firstIndent = thingSchema.length() - thingSchema.stripLeading().length();
        return map(version, """
                paths:
                  /things/{id}:
                    get:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses:
                        '200':
                          description: a thing
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing'}
                components:
                  schemas:
                    Thing:
                """ + thingSchema.stripTrailing().indent(6 - firstIndent));
    }

    static Resource only(OpenApiMapping mapping) {
        assertThat(mapping.resources()).as("resources; unmapped: %s; notes: %s", mapping.unmapped(), mapping.notes()).hasSize(1);
        return mapping.resources().getFirst();
    }

    static Operation operation(Resource resource, OperationKind kind) {
        return resource.operations().stream().filter(o -> o.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError(resource.qualifiedName() + " has no " + kind + ": " + resource.operations()));
    }
}
