package io.tributary.examples.enrollments;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.tributary.publisher.annotation.Action;
import io.tributary.publisher.annotation.Description;
import io.tributary.publisher.annotation.Finder;
import io.tributary.publisher.annotation.Page;
import io.tributary.publisher.annotation.Paged;
import io.tributary.publisher.annotation.Scopes;
import io.tributary.publisher.annotation.TributaryResource;
import java.time.Clock;

/**
 * The enrollments REST API: the enrollments of a course, a page at a time ({@code GET /enrollments/byCourseId}), and
 * enrolling a learner ({@code POST /enrollments/enroll}).
 */
@Controller("/enrollments")
@Requires(env = EnrollmentsApp.ENVIRONMENT)
@TributaryResource(name = "enrollments", description = "Learners' enrollments in courses.")
public class EnrollmentsController {
    private final EnrollmentRepository repository;
    private final Clock clock = Clock.systemUTC();

    public EnrollmentsController(EnrollmentRepository repository) {
        this.repository = repository;
    }

    @Get("/byCourseId")
    @Finder("byCourseId")
    @Paged
    @Description("The enrollments in a course, oldest first.")
    public Page<CourseEnrollment> byCourseId(@QueryValue @Description("An id of courses.v1.") String courseId,
            @QueryValue(defaultValue = "0") int start, @QueryValue(defaultValue = "20") int limit) {
        return Page.slice(repository.byCourseId(courseId), start, limit);
    }

    @Post("/enroll")
    @Action("enroll")
    @Scopes("enrollments:write")
    @Description("Enrolls a learner in a course, or answers the enrollment they already have.")
    public HttpResponse<CourseEnrollment> enroll(@Body("courseId") @Description("An id of courses.v1.") String courseId,
            @Body("learnerId") @Description("The learner to enroll.") String learnerId) {
        return repository.find(courseId, learnerId)
                .map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.created(repository.enroll(courseId, learnerId, clock.instant())));
    }
}
