package io.tributary.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CourseCatalogs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {

    @Test
    void shouldRenderEveryPartOfACatalogReadably() throws IOException {
        String json = CatalogJson.resources(CourseCatalogs.everything("a").resources());

        try (InputStream golden = CatalogJsonTest.class.getResourceAsStream("/golden/courses-everything.json")) {
            assertThat(json).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldReadBackTheResourcesItWrote() {
        var resources = CourseCatalogs.everything("a").resources();

        assertThat(CatalogJson.readResources(CatalogJson.resources(resources))).isEqualTo(resources);
    }

    @Test
    void shouldSayWhatIsWrongWithACatalogFile() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CatalogJson.readResources("[{\"name\": \"courses\"}]"))
                .hasMessageContaining("resource name courses must be name.vN");
    }
}
