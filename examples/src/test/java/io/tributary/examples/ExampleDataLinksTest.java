package io.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.examples.courses.CourseRepository;
import io.tributary.examples.courses.StoredCourse;
import io.tributary.examples.enrollments.CourseEnrollment;
import io.tributary.examples.enrollments.EnrollmentRepository;
import io.tributary.examples.instructors.InstructorRepository;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The examples' generated data link up, so every relation the graph offers between them resolves to something. */
class ExampleDataLinksTest {

    @Test
    void shouldNameOnlyInstructorsTheInstructorsServiceHas() {
        List<String> named = new CourseRepository().all().stream().flatMap(c -> c.instructorIds().stream()).distinct().toList();
        InstructorRepository instructors = new InstructorRepository();
        assertThat(named).allSatisfy(id -> assertThat(instructors.find(id)).as(id).isPresent());
        assertThat(named).as("every instructor teaches").hasSize(InstructorRepository.INSTRUCTORS);
    }

    @Test
    void shouldEnrollOnlyInCoursesTheCoursesServiceHas() {
        CourseRepository courses = new CourseRepository();
        EnrollmentRepository enrollments = new EnrollmentRepository();
        List<String> courseIds = courses.all().stream().map(StoredCourse::id).toList();
        List<CourseEnrollment> all = courseIds.stream().flatMap(id -> enrollments.byCourseId(id).stream()).toList();
        assertThat(courseIds).allSatisfy(id -> assertThat(enrollments.byCourseId(id)).as(id).isNotEmpty());
        assertThat(all).extracting(CourseEnrollment::id).doesNotHaveDuplicates();
        assertThat(IntStream.rangeClosed(1, EnrollmentRepository.COURSES).mapToObj(i -> "c-" + i)).containsExactlyElementsOf(courseIds);
    }
}
