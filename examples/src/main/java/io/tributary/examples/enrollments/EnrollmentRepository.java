package io.tributary.examples.enrollments;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enrollments generated in memory, the same every run: course {@code c-N} of the courses example ({@code c-1} to
 * {@code c-50}) has {@code 1 + N % 5} of them, by learners {@code l-1} to {@code l-40}. New enrollments live as long
 * as the instance.
 */
@Singleton
@Requires(env = EnrollmentsApp.ENVIRONMENT)
public class EnrollmentRepository {
    /** How many courses the enrollments are in, {@code c-1} to {@code c-50}. */
    public static final int COURSES = 50;
    private static final int LEARNERS = 40;
    private static final Instant FIRST_ENROLLMENT = Instant.parse("2025-01-06T09:00:00Z");

    private final List<CourseEnrollment> enrollments = new ArrayList<>();

    public EnrollmentRepository() {
        for (int course = 1; course <= COURSES; course++) {
            for (int k = 0; k < 1 + course % 5; k++) {
                enrollments.add(new CourseEnrollment("e-" + (enrollments.size() + 1), "c-" + course,
                        "l-" + (1 + (course * 7 + k * 13) % LEARNERS),
                        FIRST_ENROLLMENT.plus(Duration.ofHours(24L * course + 5L * k)),
                        EnrollmentStatus.values()[(course + k) % EnrollmentStatus.values().length]));
            }
        }
    }

    public synchronized List<CourseEnrollment> byCourseId(String courseId) {
        return enrollments.stream().filter(e -> e.courseId().equals(courseId)).toList();
    }

    /** The learner's enrollment in the course, if they have one. */
    public synchronized Optional<CourseEnrollment> find(String courseId, String learnerId) {
        return enrollments.stream().filter(e -> e.courseId().equals(courseId) && e.learnerId().equals(learnerId)).findFirst();
    }

    /** Enrolls the learner in the course now. */
    public synchronized CourseEnrollment enroll(String courseId, String learnerId, Instant now) {
        CourseEnrollment enrollment = new CourseEnrollment("e-" + (enrollments.size() + 1), courseId, learnerId, now,
                EnrollmentStatus.ACTIVE);
        enrollments.add(enrollment);
        return enrollment;
    }
}
