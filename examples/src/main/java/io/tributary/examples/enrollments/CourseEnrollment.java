package io.tributary.examples.enrollments;

import io.micronaut.serde.annotation.Serdeable;
import io.tributary.publisher.annotation.Description;
import java.time.Instant;

/**
 * A learner's enrollment in a course, named for what it is in the whole graph ({@code CourseEnrollment}, not
 * {@code Enrollment}), as the Udemy GraphQL guide asks of type names.
 */
@Serdeable
@Description("A learner's enrollment in a course.")
public record CourseEnrollment(
        @Description("Identifies the enrollment.") String id,
        @Description("The course enrolled in: an id of courses.v1.") String courseId,
        @Description("The learner who enrolled.") String learnerId,
        @Description("When the learner enrolled.") Instant enrolledAt,
        @Description("Where the learner stands in the course.") EnrollmentStatus status) {
}
