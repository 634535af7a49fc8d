package io.tributary.examples.courses;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
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
                Operation.builder(OperationKind.GET, "GET", "/courses/{id}")
                        .parameters(List.of(Parameter.of("id", Schema.Type.STRING, Location.PATH, true, "The course's id.")))
                        .description("The course with this id.")
                        .build(),
                Operation.builder(OperationKind.MULTI_GET, "GET", "/courses")
                        .parameters(List.of(Parameter.of("ids", Schema.Type.STRING, Location.QUERY, true, "Comma-separated course ids.")))
                        .envelope(ResponseEnvelope.NAPTIME)
                        .description("The courses with these ids.")
                        .build())));
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
