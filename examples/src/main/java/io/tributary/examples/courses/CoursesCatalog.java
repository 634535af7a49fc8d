package io.tributary.examples.courses;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.Resource;
import io.tributary.publisher.micronaut.CatalogResources;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.Schema;

/** The catalog the courses service publishes: {@code courses.v1} with GET and MULTI_GET, modelled per variant. */
@Singleton
@Requires(env = CoursesApp.ENVIRONMENT)
public class CoursesCatalog implements CatalogResources {
    private final Variant variant;

    public CoursesCatalog(@Value("${courses.variant:v2}") String variant) {
        this.variant = Variant.parse(variant);
    }

    @Override
    public List<Resource> resources() {
        return List.of(new Resource("courses", 1, "Courses learners can enroll in.", model(), "id", List.of(
                new Operation(OperationKind.GET, "", "GET", "/courses/{id}",
                        List.of(new Parameter("id", "string", Location.PATH, true, "The course's id.")), "The course with this id."),
                new Operation(OperationKind.MULTI_GET, "", "GET", "/courses",
                        List.of(new Parameter("ids", "string", Location.QUERY, true, "Comma-separated course ids.")),
                        "The courses with these ids."))));
    }

    private Schema model() {
        String file = "course-" + variant.name().toLowerCase(java.util.Locale.ROOT) + ".avsc";
        try (InputStream in = CoursesCatalog.class.getResourceAsStream(file)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
