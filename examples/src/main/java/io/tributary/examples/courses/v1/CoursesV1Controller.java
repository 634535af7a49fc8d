package io.tributary.examples.courses.v1;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.tributary.examples.courses.CourseRepository;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.CoursesController;
import io.tributary.examples.courses.StoredCourse;
import jakarta.annotation.Nullable;

/** The courses API of the v1 deploy, which returns {@link Course} without a duration: what a rollback serves. */
@Controller("/courses")
@Requires(env = CoursesApp.ENVIRONMENT)
@Requires(property = CoursesApp.VARIANT_PROPERTY, value = "V1")
public class CoursesV1Controller extends CoursesController<Course> {

    public CoursesV1Controller(CourseRepository repository) {
        super(repository);
    }

    @Override
    protected Course present(StoredCourse course) {
        return Course.of(course);
    }

    @Override
    protected StoredCourse store(Course course, @Nullable StoredCourse current) {
        return course.stored(current);
    }
}
