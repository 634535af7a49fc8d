package io.tributary.examples.instructors;

import io.micronaut.serde.annotation.Serdeable;
import io.tributary.publisher.annotation.Description;
import jakarta.annotation.Nullable;
import java.time.LocalDate;

/** An instructor as the instructors service returns it. */
@Serdeable
@Description("A person who teaches courses.")
public record Instructor(
        @Description("Identifies the instructor.") String id,
        @Description("First and last name.") String fullName,
        @Nullable @Description("The instructor's job title, if they gave one.") String title,
        @Description("The department the instructor belongs to.") String department,
        @Description("The day the instructor joined.") LocalDate joinedOn) {
}
