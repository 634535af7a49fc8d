package io.tributary.examples.courses.v2;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.tributary.examples.courses.CourseRepository;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.CoursesController;
import io.tributary.examples.courses.StoredCourse;
import jakarta.annotation.Nullable;

/** The courses API of the v2 deploy, which returns {@link Course} with its duration. */
@Controller("/courses")
@Requires(env = CoursesApp.ENVIRONMENT)
@Requires(property = CoursesApp.VARIANT_PROPERTY, value = "V2", defaultValue = "V2")
public class CoursesV2Controller extends CoursesController<Course> {

    public CoursesV2Controller(CourseRepository repository) {
        super(repository);
    }

    @Override
    protected Course present(StoredCourse course) {
        return Course.of(course);
    }

    @Override
    protected StoredCourse store(Course course, @Nullable StoredCourse current) {
        return course.stored();
    }
}
