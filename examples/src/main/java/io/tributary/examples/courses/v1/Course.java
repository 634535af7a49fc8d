package io.tributary.examples.courses.v1;

import io.micronaut.serde.annotation.Serdeable;
import io.tributary.examples.courses.Level;
import io.tributary.examples.courses.StoredCourse;
import io.tributary.publisher.annotation.Description;
import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

/** A course as the v1 deploy of the courses service returns it: it predates {@code durationMinutes}. */
@Serdeable
@Description("A course a learner can enroll in.")
public record Course(
        @Description("Identifies the course.") String id,
        @Description("The title shown in the catalog.") String title,
        @Nullable @Description("A one-line summary, if the course has one.") String subtitle,
        @Description("Average learner rating, from 0 to 5.") double rating,
        @Description("How much the course expects learners to know already.") Level level,
        @Description("The day the course opened to learners.") LocalDate launchedOn,
        @Description("Who teaches the course: ids of instructors.v1.") List<String> instructorIds) {

    /** How long v1 assumes a course it creates takes, as it cannot say. */
    static final int DEFAULT_DURATION_MINUTES = 60;

    static Course of(StoredCourse c) {
        return new Course(c.id(), c.title(), c.subtitle(), c.rating(), c.level(), c.launchedOn(), c.instructorIds());
    }

    /** The stored course, keeping the duration v1 does not know from {@code current} (null for a new course). */
    StoredCourse stored(@Nullable StoredCourse current) {
        int durationMinutes = current == null ? DEFAULT_DURATION_MINUTES : current.durationMinutes();
        return new StoredCourse(id, title, subtitle, rating, durationMinutes, level, launchedOn,
                instructorIds == null ? List.of() : instructorIds);
    }
}
