package io.tributary.examples.courses.v2;

import io.micronaut.serde.annotation.Serdeable;
import io.tributary.examples.courses.Level;
import io.tributary.examples.courses.StoredCourse;
import io.tributary.publisher.annotation.Description;
import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

/** A course as the v2 deploy of the courses service returns it, with {@code durationMinutes}. */
@Serdeable
@Description("A course a learner can enroll in.")
public record Course(
        @Description("Identifies the course.") String id,
        @Description("The title shown in the catalog.") String title,
        @Nullable @Description("A one-line summary, if the course has one.") String subtitle,
        @Description("Average learner rating, from 0 to 5.") double rating,
        @Description("How long the course takes to complete, in minutes.") int durationMinutes,
        @Description("How much the course expects learners to know already.") Level level,
        @Description("The day the course opened to learners.") LocalDate launchedOn,
        @Description("Who teaches the course: ids of instructors.v1.") List<String> instructorIds) {

    static Course of(StoredCourse c) {
        return new Course(c.id(), c.title(), c.subtitle(), c.rating(), c.durationMinutes(), c.level(), c.launchedOn(),
                c.instructorIds());
    }

    StoredCourse stored() {
        return new StoredCourse(id, title, subtitle, rating, durationMinutes, level, launchedOn,
                instructorIds == null ? List.of() : instructorIds);
    }
}
