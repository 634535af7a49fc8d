package io.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.tributary.avro.CatalogJson;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.examples.enrollments.EnrollmentsApp;
import io.tributary.examples.instructors.InstructorsApp;
import io.tributary.publisher.micronaut.CatalogResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each example's catalog, derived from its annotations, as readable JSON equal to a checked-in golden file under
 * {@code src/test/resources/golden}. After an intended change, run with {@code -Dgolden.update=true} to rewrite the
 * files, and read the diff.
 */
class ExampleCatalogsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void shouldPublishTheCoursesV1CatalogWithoutTheDuration() throws IOException {
        assertGolden("courses-v1.json", CoursesApp.ENVIRONMENT, Map.of(CoursesApp.VARIANT_PROPERTY, Variant.V1.name()));
    }

    @Test
    void shouldPublishTheCoursesV2CatalogWithTheDuration() throws IOException {
        assertGolden("courses-v2.json", CoursesApp.ENVIRONMENT, Map.of(CoursesApp.VARIANT_PROPERTY, Variant.V2.name()));
    }

    @Test
    void shouldPublishTheInstructorsCatalog() throws IOException {
        assertGolden("instructors.json", InstructorsApp.ENVIRONMENT, Map.of());
    }

    @Test
    void shouldPublishTheEnrollmentsCatalog() throws IOException {
        assertGolden("enrollments.json", EnrollmentsApp.ENVIRONMENT, Map.of());
    }

    private static void assertGolden(String file, String environment, Map<String, Object> properties) throws IOException {
        String actual;
        try (ApplicationContext context = ApplicationContext.builder()
                .environments(environment)
                .deduceEnvironment(false)
                .properties(properties)
                .start()) {
            actual = CatalogJson.resources(context.getBean(CatalogResources.class).resources());
        }
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
