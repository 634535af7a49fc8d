package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * The partners example's OpenAPI document, read from the examples module's sources: catalog-publisher cannot depend
 * on examples (examples depends on it), yet its sidecar is what publishes partners.
 */
final class PartnersDocument {
    static final Path PATH = Path.of("../examples/src/main/resources/io/tributary/examples/partners/openapi.yaml");

    private PartnersDocument() {
    }

    static String location() {
        assertThat(PATH).as("the partners example's OpenAPI document, relative to catalog-publisher").exists();
        return PATH.toString();
    }
}
